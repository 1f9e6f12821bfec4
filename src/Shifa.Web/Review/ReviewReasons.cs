namespace Shifa.Web.Review;

/// <summary>The fixed list of reasons an annotator can give for rejecting a record.</summary>
public static class ReviewReasons
{
    /// <summary>Reason keys with their Arabic labels.</summary>
    public static IReadOnlyList<(string Key, string Label)> All { get; } =
    [
        ("wrong-medicine", "معلومة طبية خاطئة"),
        ("off-topic", "الإجابة لا تجيب عن السؤال"),
        ("unsafe", "نصيحة خطرة على المريض"),
        ("poor-arabic", "لغة ركيكة أو غير مفهومة"),
        ("duplicate", "تكرار لسجل آخر"),
        ("personal-data", "يحتوي معلومات شخصية"),
        ("other", "سبب آخر"),
    ];

    /// <summary>True when <paramref name="key"/> is a known reason.</summary>
    public static bool IsKnown(string? key) => All.Any(r => r.Key == key);
}
