// Orthographic variants a generator or a typist produces: alef/ya/ta-marbuta forms, tashkeel and tatweel.
using System.Text;

namespace Shifa.Curation.Tests.Fixtures;

internal static class Variants
{
    /// <summary>Same text, different spelling: hamza-less alef, alef maqsura for final ya, ha for ta marbuta, diacritics and tatweel sprinkled in.</summary>
    public static string Orthographic(string text, int seed)
    {
        var rng = new Random(seed);
        var sb = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var last = i + 1 == text.Length || !char.IsLetter(text[i + 1]);
            c = c switch
            {
                'أ' or 'إ' when rng.NextDouble() < 0.7 => 'ا',
                'ي' when last && rng.NextDouble() < 0.7 => 'ى',
                'ة' when rng.NextDouble() < 0.5 => 'ه',
                _ => c,
            };
            sb.Append(c);
            if (c is >= 'ب' and <= 'ي' && !last)
            {
                var r = rng.NextDouble();
                if (r < 0.12)
                {
                    sb.Append("َُِّْ"[rng.Next(5)]);
                }
                else if (r < 0.16)
                {
                    sb.Append('ـ');
                }
            }
        }

        return sb.ToString();
    }

    /// <summary>A light edit: one word dropped, one word swapped for a near synonym, a trailing remark added.</summary>
    public static string LightEdit(string text, int seed)
    {
        var rng = new Random(seed);
        var words = text.Split(' ').ToList();
        if (words.Count > 6)
        {
            words.RemoveAt(1 + rng.Next(words.Count - 2));
        }

        var swaps = new Dictionary<string, string> { ["الطبيب"] = "الدكتور", ["غالباً"] = "في الغالب", ["يحتاج"] = "يتطلب", ["راجع"] = "استشر", ["أنصح"] = "ننصح" };
        for (var i = 0; i < words.Count; i++)
        {
            if (swaps.TryGetValue(words[i], out var s))
            {
                words[i] = s;
                break;
            }
        }

        return string.Join(' ', words) + " مع تمنياتي بالشفاء.";
    }
}
