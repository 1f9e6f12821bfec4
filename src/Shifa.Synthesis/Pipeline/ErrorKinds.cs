// One vocabulary of failure reasons, shared by the retry layer, the engine and `synthesize status`.
using System.ClientModel;
using Polly.Timeout;

namespace Shifa.Synthesis.Pipeline;

/// <summary>Classifies failures into short, stable error kinds.</summary>
public static class ErrorKinds
{
    /// <summary>Output was not parseable JSON.</summary>
    public const string MalformedJson = "malformed_json";
    /// <summary>Output stopped early (length limit or cut-off JSON).</summary>
    public const string Truncated = "truncated";
    /// <summary>JSON that does not follow the requested schema.</summary>
    public const string WrongSchema = "wrong_schema";
    /// <summary>Well-formed pairs that fail content checks (not Arabic, copied exemplar, duplicates).</summary>
    public const string Invalid = "invalid_content";
    /// <summary>The request did not finish in time.</summary>
    public const string Timeout = "timeout";
    /// <summary>The connection failed or was reset.</summary>
    public const string Connection = "connection";

    /// <summary>Error kind of an exception thrown by a provider call.</summary>
    public static string Of(Exception e) => e switch
    {
        ProviderCallException p => p.ErrorKind,
        ClientResultException { Status: 0 } => Connection,
        ClientResultException c => "http_" + c.Status,
        TimeoutRejectedException => Timeout,
        HttpRequestException { StatusCode: { } s } => "http_" + (int)s,
        HttpRequestException or IOException => Connection,
        BudgetExceededException => "budget",
        OperationCanceledException => Timeout,
        _ => e.GetType().Name,
    };

    /// <summary>True for failures worth retrying: 408, 409, 429, 5xx, timeouts and broken connections.</summary>
    public static bool IsTransient(Exception e) => e switch
    {
        ClientResultException c => c.Status is 0 or 408 or 409 or 429 or >= 500,
        HttpRequestException { StatusCode: { } s } => (int)s is 408 or 409 or 429 or >= 500,
        TimeoutRejectedException or HttpRequestException or IOException => true,
        _ => false,
    };

    /// <summary>
    /// True for refusals that no retry and no other item can fix (bad key, no access, unknown model or
    /// endpoint): the run stops and leaves items pending instead of failing every one of them.
    /// </summary>
    public static bool IsFatal(Exception e) => Unwrap(e) switch
    {
        ClientResultException c => c.Status is 401 or 403 or 404,
        HttpRequestException { StatusCode: { } s } => (int)s is 401 or 403 or 404,
        _ => false,
    };

    /// <summary>True when the provider may have billed the call (no HTTP status came back).</summary>
    public static bool MayHaveBilled(Exception e) => Unwrap(e) is not ClientResultException { Status: > 0 } and not HttpRequestException { StatusCode: not null };

    // A call that failed after retries, or that the refusal circuit stopped, wraps the provider's own failure (possibly twice).
    private static Exception Unwrap(Exception e)
    {
        while (e is ProviderCallException { InnerException: { } inner })
        {
            e = inner;
        }

        return e;
    }
}
