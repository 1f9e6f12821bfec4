namespace Shifa.Core.Pii;

/// <summary>Kinds of personal information <see cref="PiiScrubber"/> replaces, each with its placeholder.</summary>
public enum PiiKind
{
    /// <summary>Phone numbers (ASCII, Arabic-Indic or Persian digits); placeholder <c>[PHONE]</c>.</summary>
    Phone = 0,
    /// <summary>E-mail addresses; placeholder <c>[EMAIL]</c>.</summary>
    Email = 1,
    /// <summary>URLs and bare web addresses; placeholder <c>[URL]</c>.</summary>
    Url = 2,
    /// <summary>National-id-like numbers (long digit runs, numbers after "رقم الهوية" and similar); placeholder <c>[ID]</c>.</summary>
    Id = 3,
    /// <summary>Self-disclosed names ("اسمي …", "my name is …"); placeholder <c>[NAME]</c>.</summary>
    Name = 4,
    /// <summary>A doctor's title with the name that follows ("د. …", "الدكتورة الصيدلانية …"); placeholder <c>[DOCTOR]</c>.</summary>
    Doctor = 5,
}
