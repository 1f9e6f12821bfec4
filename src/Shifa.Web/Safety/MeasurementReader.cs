// Reads numbers in a message as the measurements they stand for: a temperature, a glucose reading,
// a pulse, an oxygen saturation, a blood pressure, a breathing rate; and durations that make a
// condition chronic. Relatives report readings without naming the condition ("الضغط ١٦٥ على ١١٠").
using System.Globalization;

namespace Shifa.Web.Safety;

/// <summary>Adds the concepts that a number carries, given the words around it. Pure.</summary>
internal static class MeasurementReader
{
    /// <summary>Adds to <paramref name="hits"/> the concepts the number at word <paramref name="i"/> stands for, if any.</summary>
    // Temperatures (38–42, not followed by a time unit) read as fever; very low or very high
    // numbers near "سكر" as an extreme glucose reading.
    public static void AddNumberConcepts(string[] tokens, int i, List<ConceptHit> hits, HashSet<(SymptomConcept, int)> seen)
    {
        // "ميه وعشرين" is 120: a number joined by و to the one before it was read with it.
        if (!TryReadNumber(tokens[i], out var n) || (i > 0 && tokens[i].StartsWith('و') && TryReadNumber(tokens[i - 1], out _)))
        {
            return;
        }

        for (var k = i + 1; k < tokens.Length && tokens[k].StartsWith('و') && TryReadNumber(tokens[k], out var more); k++)
        {
            n += more;
        }

        // "بالدقيقة", "في الدقيقة": the unit may carry a preposition.
        var next = i + 1 < tokens.Length ? tokens[i + 1] : "";
        next = next.StartsWith("بال", StringComparison.Ordinal) ? next[3..] : next.StartsWith("فال", StringComparison.Ordinal) ? next[3..] : next;
        var previous = i > 0 ? tokens[i - 1] : "";

        // "من خمس سنين", "منذ 3 سنوات": a condition that has lasted years or months is chronic.
        if (previous is "من" or "منذ" or "صارله" or "صارلها" or "صرله" or "صرلها" && (next.StartsWith("سن", StringComparison.Ordinal) || next.StartsWith("شهور", StringComparison.Ordinal) || next.StartsWith("اشهر", StringComparison.Ordinal))
            && seen.Add((SymptomConcept.Recurrent, i)))
        {
            hits.Add(new ConceptHit(SymptomConcept.Recurrent, i, false));
        }

        var isTime = next.StartsWith("يوم", StringComparison.Ordinal) || next.StartsWith("ايام", StringComparison.Ordinal) || next.StartsWith("سن", StringComparison.Ordinal)
            || next.StartsWith("اسبوع", StringComparison.Ordinal) || next.StartsWith("شهر", StringComparison.Ordinal) || next.StartsWith("دقي", StringComparison.Ordinal)
            || next.StartsWith("ساع", StringComparison.Ordinal) || next.StartsWith("حب", StringComparison.Ordinal) || next.StartsWith("مر", StringComparison.Ordinal);
        // A pulse, breathing rate or pressure of 38–42 is not a temperature.
        var otherMeasure = Near(tokens, i, 3, 0, "نبض", "تنفس", "انفاس", "ضغط", "اكسجين", "اوكسجين");
        if (n is >= 38 and <= 42 && !isTime && !otherMeasure && seen.Add((SymptomConcept.Fever, i)))
        {
            hits.Add(new ConceptHit(SymptomConcept.Fever, i, false));
        }

        var nearSugar = Near(tokens, i, 4, 2, "سكر", "جلوكوز");
        if (nearSugar && !isTime && (n is > 0 and <= 60 || n >= 400) && seen.Add((SymptomConcept.ExtremeValue, i)))
        {
            hits.Add(new ConceptHit(SymptomConcept.ExtremeValue, i, false));
        }

        // An age, a weight or a duration is not a reading.
        if (isTime || previous.StartsWith("عمر", StringComparison.Ordinal) || previous.StartsWith("وعمر", StringComparison.Ordinal) || next.StartsWith("عام", StringComparison.Ordinal) || next.StartsWith("كيلو", StringComparison.Ordinal))
        {
            return;
        }

        // A pulse of 130 or more, or 40 or less: too fast or too slow to be left at home when it comes with a symptom.
        if (Near(tokens, i, 4, 0, "نبض", "دقات", "ضربات", "نبظ", "يدق", "تدق", "قلب") && (n >= 130 || n is > 0 and <= 40))
        {
            Add(SymptomConcept.PulseAbnormal);
        }

        // A body temperature of 35 or less: hypothermia (a danger sign in a baby).
        if (Near(tokens, i, 4, 0, "حرار", "درج", "temp") && n is >= 28 and <= 35)
        {
            Add(SymptomConcept.Hypothermia);
        }

        // Breaths a minute: 60 or more at any age, 30 or more past infancy, is fast and laboured breathing.
        if (Near(tokens, i, 3, 0, "تنفس", "انفاس", "نفسه", "نفسها", "نفسو", "نفسات") && (n >= 60 || (n >= 30 && tokens[0] != RedFlagDetector.InfantAgeMarker)) && n < 150)
        {
            Add(SymptomConcept.Fast);
            Add(SymptomConcept.Severe);
        }

        // Oxygen saturation of 90 or less on a finger meter.
        if (Near(tokens, i, 4, 0, "اكسجين", "اوكسجين", "تشبع", "oxygen", "sat", "spo2", "الاكسجين") && n is >= 50 and <= 90)
        {
            Add(SymptomConcept.LowOxygen);
        }

        // Blood pressure "165 على 110" or "165/110" (the slash folds to a space); the diastolic is read with the systolic.
        var previousIsNumber = i > 0 && TryReadNumber(tokens[i - 1], out _) || (i > 1 && tokens[i - 1] is "علي" or "ع" or "فوق" or "على" && TryReadNumber(tokens[i - 2], out _));
        if (!previousIsNumber && Near(tokens, i, 4, 0, "ضغط"))
        {
            var diastolic = 0;
            var j = i + 1 < tokens.Length && tokens[i + 1] is "علي" or "ع" or "فوق" or "على" ? i + 2 : i + 1;
            if (j < tokens.Length && TryReadNumber(tokens[j], out var d) && d is >= 4 and <= 160)
            {
                diastolic = d;
            }

            // "ضغطه ١٨ على ١٢" is written in centimetres of mercury.
            if (n is >= 5 and <= 30 && diastolic <= 20)
            {
                n *= 10;
                diastolic *= 10;
            }

            if (n >= 160 || diastolic >= 110)
            {
                Add(SymptomConcept.HighPressure);
            }

            if (n >= 180 || diastolic >= 120)
            {
                Add(SymptomConcept.CrisisPressure);
            }

            if (n is >= 40 and < 90 && diastolic <= 60)
            {
                Add(SymptomConcept.LowPressure);
            }
        }

        void Add(SymptomConcept concept)
        {
            if (seen.Add((concept, i)))
            {
                hits.Add(new ConceptHit(concept, i, false));
            }
        }
    }

    // A word containing one of the cues within `back` words before or `ahead` words after position i.
    private static bool Near(string[] tokens, int i, int back, int ahead, params string[] cues)
    {
        for (var k = Math.Max(0, i - back); k < Math.Min(tokens.Length, i + ahead + 1); k++)
        {
            if (k != i && cues.Any(c => tokens[k].Contains(c, StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }

    // Digits, or the number words that glucose readings and durations are written with
    // ("الستمية", "خمسمية", "تلاتين"); a proclitic و/ال is peeled first.
    private static bool TryReadNumber(string token, out int n)
    {
        if (int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out n))
        {
            return true;
        }

        var word = token.StartsWith("وال", StringComparison.Ordinal) ? token[3..] : token.StartsWith("ال", StringComparison.Ordinal) ? token[2..] : token.StartsWith('و') ? token[1..] : token;
        foreach (var (stem, value) in NumberWords)
        {
            if (word == stem)
            {
                n = value;
                return true;
            }
        }

        foreach (var (stem, value) in HundredStems)
        {
            if (word.StartsWith(stem, StringComparison.Ordinal) && word.Length > stem.Length && word[stem.Length..] is "ميه" or "مايه" or "مييه" or "مئه" or "ميت" or "مية")
            {
                n = value * 100;
                return true;
            }
        }

        n = 0;
        return false;
    }

    private static readonly (string Stem, int Value)[] NumberWords =
    [
        ("اثنين", 2), ("اتنين", 2), ("ثلاث", 3), ("تلات", 3), ("ثلاثه", 3), ("تلاته", 3), ("اربع", 4), ("اربعه", 4), ("خمس", 5), ("خمسه", 5), ("ست", 6), ("سته", 6), ("سبع", 7), ("سبعه", 7),
        ("ثمان", 8), ("تمن", 8), ("تمانيه", 8), ("ثمانيه", 8), ("تسع", 9), ("تسعه", 9), ("عشر", 10), ("عشره", 10), ("عشرين", 20), ("عشرون", 20), ("ثلاثين", 30), ("تلاتين", 30),
        ("اربعين", 40), ("اربعون", 40), ("خمسين", 50), ("خمسون", 50), ("ستين", 60), ("ستون", 60), ("سبعين", 70), ("سبعون", 70),
        ("ثمانين", 80), ("ثمانون", 80), ("تمانين", 80), ("تسعين", 90), ("تسعون", 90), ("ثلاثون", 30), ("ميه", 100), ("مايه", 100), ("مئه", 100), ("ميتين", 200), ("مئتين", 200), ("مايتين", 200), ("الف", 1000),
    ];

    private static readonly (string Stem, int Value)[] HundredStems =
    [
        ("ثلاث", 3), ("تلات", 3), ("تلت", 3), ("ثلث", 3), ("اربع", 4), ("ربع", 4), ("خمس", 5), ("ست", 6), ("سبع", 7), ("ثمان", 8), ("تمن", 8), ("تسع", 9),
    ];
}
