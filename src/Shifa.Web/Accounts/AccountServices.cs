// Identity registration shared by the web host and the CLI's `shifa serve user add`.
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Shifa.Web.Accounts;

/// <summary>Registers ASP.NET Core Identity over the workspace's identity.db.</summary>
public static class AccountServices
{
    /// <summary>Adds Identity (users, roles, hashed passwords, lockout) for the workspace at <paramref name="workspaceRoot"/>.</summary>
    public static IdentityBuilder AddShifaIdentity(this IServiceCollection services, string workspaceRoot)
    {
        services.AddDbContext<ShifaIdentityDb>(o => o.UseSqlite($"Data Source={ShifaIdentityDb.PathIn(workspaceRoot)}"));
        return services.AddIdentityCore<IdentityUser>(o =>
            {
                o.Password.RequiredLength = 10;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireDigit = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<ShifaIdentityDb>()
            .AddSignInManager();
    }

    /// <summary>Creates the identity database and the roles when missing.</summary>
    public static async Task EnsureCreatedAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ShifaIdentityDb>();
        await db.Database.EnsureCreatedAsync().ConfigureAwait(false);
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in ShifaRoles.All)
        {
            if (!await roles.RoleExistsAsync(role).ConfigureAwait(false))
            {
                await roles.CreateAsync(new IdentityRole(role)).ConfigureAwait(false);
            }
        }
    }
}
