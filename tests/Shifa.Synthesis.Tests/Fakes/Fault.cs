namespace Shifa.Synthesis.Tests.Fakes;

/// <summary>What the fake server does with one request.</summary>
public enum Fault
{
    None,
    RateLimited,
    Error500,
    Error503,
    Slow,
    Reset,
    MalformedJson,
    TruncatedJson,
    WrongSchema,
    Unauthorized,
}
