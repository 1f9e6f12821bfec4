using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Shifa.Web.Accounts;

/// <summary>Identity store: <c>identity.db</c> in the workspace, kept apart from the pipeline's shifa.db.</summary>
public sealed class ShifaIdentityDb(DbContextOptions<ShifaIdentityDb> options) : IdentityDbContext<IdentityUser>(options)
{
    /// <summary>Path of the identity database in <paramref name="workspaceRoot"/>.</summary>
    public static string PathIn(string workspaceRoot) => Path.Combine(workspaceRoot, "identity.db");
}
