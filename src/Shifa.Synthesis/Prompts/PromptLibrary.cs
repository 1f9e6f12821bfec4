// The shipped prompt versions. Never edit a released version's text: add a new one and make it current.
namespace Shifa.Synthesis.Prompts;

/// <summary>Prompt templates by version.</summary>
public static class PromptLibrary
{
    /// <summary>First release: Arabic instructions, seed exemplars, JSON pairs.</summary>
    public static PromptTemplate V1 { get; } = new(
        "synth-ar-v1",
        """
        أنت طبيب عربي خبير تساعد في بناء مجموعة بيانات لأسئلة المرضى وإجابات الأطباء.
        المطلوب: أسئلة جديدة واقعية يكتبها مرضى حقيقيون، وإجابات طبية سليمة يكتبها طبيب.
        القواعد:
        - اكتب بالعربية فقط، ولا تستخدم أي لغة أخرى إلا لأسماء الأدوية عند الضرورة.
        - اكتب الأسئلة باللهجة المطلوبة وبأسلوب المريض وعلى لسان الشخص الموصوف (الجنس والعمر).
        - استلهم الموضوع والأسلوب من الأمثلة، لكن لا تنسخها ولا تعد صياغتها جملةً جملة؛ اكتب حالات جديدة.
        - الإجابة بالفصحى المبسطة، دقيقة وآمنة، لا تجزم بتشخيص دون فحص، ولا تعطي جرعات خطرة.
        - إذا ظهرت علامة خطر (ألم صدر، ضيق نفس، نزيف، فقدان وعي، أعراض جلطة، حرارة عالية عند رضيع...)
          فوجّه المريض إلى الطوارئ فوراً واجعل الحقل urgent يساوي true، وإلا false.
        - أعد JSON فقط بالشكل: {"pairs":[{"question":"...","answer":"...","urgent":false}]} دون أي نص آخر.
        """,
        "اكتب {pairs} من أزواج السؤال والجواب الجديدة وفق المعطيات التالية (التخصص، نوع السؤال، اللهجة، الشخص، والأمثلة الحقيقية):");

    /// <summary>The version new plans use.</summary>
    public static PromptTemplate Current => V1;

    /// <summary>The template of <paramref name="version"/>.</summary>
    public static PromptTemplate Get(string version) => version switch
    {
        "synth-ar-v1" => V1,
        _ => throw new ArgumentException($"Unknown prompt version '{version}'. Known: synth-ar-v1.", nameof(version)),
    };
}
