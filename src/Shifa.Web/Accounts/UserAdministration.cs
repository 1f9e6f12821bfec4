// Account creation outside the running server (the first admin comes from the CLI).
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Shifa.Web.Accounts;

/// <summary>Adds users to a workspace's identity store.</summary>
public static class UserAdministration
{
    /// <summary>
    /// Creates <paramref name="userName"/> with <paramref name="password"/> (hashed by Identity) in
    /// <paramref name="role"/>; an existing user gets the role added and the password reset.
    /// </summary>
    public static async Task AddUserAsync(string workspaceRoot, string userName, string password, string role, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userName);
        if (!ShifaRoles.All.Contains(role))
        {
            throw new ArgumentException($"Unknown role '{role}'; use one of {string.Join(", ", ShifaRoles.All)}.", nameof(role));
        }

        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        var root = Path.GetFullPath(workspaceRoot);
        Directory.CreateDirectory(root);
        services.AddShifaIdentity(root);
        await using var sp = services.BuildServiceProvider();
        await AccountServices.EnsureCreatedAsync(sp).ConfigureAwait(false);
        using var scope = sp.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var user = await users.FindByNameAsync(userName).ConfigureAwait(false);
        IdentityResult result;
        if (user is null)
        {
            user = new IdentityUser(userName);
            result = await users.CreateAsync(user, password).ConfigureAwait(false);
        }
        else
        {
            Check(await users.RemovePasswordAsync(user).ConfigureAwait(false), userName);
            result = await users.AddPasswordAsync(user, password).ConfigureAwait(false);
        }

        Check(result, userName);
        if (!await users.IsInRoleAsync(user, role).ConfigureAwait(false))
        {
            Check(await users.AddToRoleAsync(user, role).ConfigureAwait(false), userName);
        }
    }

    private static void Check(IdentityResult result, string userName)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not save user '{userName}': {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}
