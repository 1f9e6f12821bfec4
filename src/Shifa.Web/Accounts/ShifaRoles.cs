namespace Shifa.Web.Accounts;

/// <summary>Role names and the authorization policies built on them.</summary>
public static class ShifaRoles
{
    /// <summary>Creates review rounds, adjudicates, sees reports.</summary>
    public const string Admin = "admin";

    /// <summary>Reviews synthetic records.</summary>
    public const string Annotator = "annotator";

    /// <summary>Rates model answers.</summary>
    public const string Expert = "expert";

    /// <summary>All roles.</summary>
    public static IReadOnlyList<string> All { get; } = [Admin, Annotator, Expert];
}
