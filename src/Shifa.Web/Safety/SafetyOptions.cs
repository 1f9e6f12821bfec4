namespace Shifa.Web.Safety;

/// <summary>Settings of <see cref="SafetyChatClient"/>.</summary>
public sealed record SafetyOptions
{
    /// <summary>Append <see cref="SafetyMessages.Disclaimer"/> to every answer (default true).</summary>
    public bool AppendDisclaimer { get; init; } = true;

    /// <summary>Replace dose-stating sentences with advice to ask a doctor or pharmacist (default true).</summary>
    public bool FilterDosing { get; init; } = true;
}
