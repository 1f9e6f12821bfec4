// Stage "meta-text": the generator talking about itself, refusing, or leaking formatting and template tokens.
using System.Text.RegularExpressions;
using Shifa.Core.Records;
using Shifa.Curation.Pipeline;
using Shifa.Curation.Text;

namespace Shifa.Curation.Rules;

/// <summary>
/// Drops AI self-reference ("as an AI model", "كنموذج لغوي"), refusals ("لا أستطيع تقديم…",
/// "I cannot provide"), markdown junk (code fences, bold, headings, tables, HTML), chat-template
/// tokens and role labels ("الإجابة:" opening an answer). Arabic phrases are matched on
/// ForMatching text and are normalized the same way, so hamza, tashkeel and tatweel variants all match.
/// </summary>
public sealed partial class MetaTextFilter : RecordRule
{
    private static readonly string[] SelfReference =
    [
        "كنموذج لغوي", "كنموذج ذكاء اصطناعي", "بصفتي نموذج", "بصفتي ذكاء اصطناعي", "بصفتي مساعد", "أنا نموذج لغوي",
        "أنا مجرد نموذج", "أنا مجرد برنامج", "أنا ذكاء اصطناعي", "كمساعد ذكي", "كمساعد افتراضي", "نموذج لغوي كبير",
    ];

    private static readonly string[] Refusals =
    [
        "لا أستطيع تقديم", "لا يمكنني تقديم", "لا أستطيع الإجابة", "لا يمكنني الإجابة", "لا يمكنني المساعدة",
        "لا أستطيع المساعدة", "لا يمكنني إعطاء", "لا أستطيع إعطاء", "عذرا، لا أستطيع", "أعتذر، لا يمكنني",
    ];

    private static readonly string[] NormalizedSelfReference = [.. SelfReference.Select(MatchingText.Normalize)];
    private static readonly string[] NormalizedRefusals = [.. Refusals.Select(MatchingText.Normalize)];

    /// <inheritdoc />
    public override StageIdentity Identity { get; } = StageIdentity.Of("meta-text", FilterScope.PerRecord, "v1",
        new { SelfReference, Refusals, English = EnglishMeta().ToString(), Markdown = Markdown().ToString(), Role = RoleLabel().ToString() });

    /// <inheritdoc />
    public override FilterDecision Decide(QaRecord record, string normalizedQuestion, string normalizedAnswer)
    {
        var text = record.Question + "\n" + record.Answer;
        var normalized = normalizedQuestion + "\n" + normalizedAnswer;
        if (NormalizedSelfReference.Any(p => normalized.Contains(p, StringComparison.Ordinal)))
        {
            return FilterDecision.Drop(record.Id, "ai-self-reference");
        }

        if (NormalizedRefusals.Any(p => normalized.Contains(p, StringComparison.Ordinal)))
        {
            return FilterDecision.Drop(record.Id, "refusal");
        }

        var english = EnglishMeta().Match(text);
        if (english.Success)
        {
            return FilterDecision.Drop(record.Id, english.Groups["refusal"].Success ? "refusal" : "ai-self-reference");
        }

        if (Markdown().IsMatch(text))
        {
            return FilterDecision.Drop(record.Id, "markdown-or-template");
        }

        return RoleLabel().IsMatch(record.Answer) || RoleLabel().IsMatch(record.Question)
            ? FilterDecision.Drop(record.Id, "role-label")
            : FilterDecision.Ok(record.Id);
    }

    [GeneratedRegex(@"\b(as an ai\b|as a (large )?language model|i am an ai\b|i'm an ai\b|openai|chatgpt|(?<refusal>i (cannot|can't|can not|am unable to) (provide|give|answer|help)|i'm sorry,? but i))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex EnglishMeta();

    [GeneratedRegex(@"```|\*\*[^*\n]{1,200}\*\*|^\s{0,3}#{1,6}\s|^\s*\|.*\|\s*$|<\|[a-z_]{2,30}\|>|\[/?INST\]|</?(p|br|div|span|ul|ol|li|b|strong|em|h[1-6])\b[^>]*>", RegexOptions.Multiline | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Markdown();

    [GeneratedRegex(@"^\s*(ال[إا]جابة|الجواب|السؤال|الرد|answer|question|assistant|user|system)\s*[:：]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex RoleLabel();
}
