using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QuizPlatform.Data.Entities;
using QuizPlatform.Data.Passwords;

namespace QuizPlatform.Data.Startup;

/// <summary>Creates the roles, and on first run (no admin yet) the admin account from <see cref="BootstrapOptions"/>.</summary>
public sealed class IdentityBootstrapper(
    RoleManager<IdentityRole> roles,
    UserManager<ApplicationUser> users,
    QuizDbContext identityStoreContext,
    IOptions<BootstrapOptions> options,
    TimeProvider clock,
    ILogger<IdentityBootstrapper> logger)
{
    /// <summary>The admin created by this call and its password (null when an admin already existed).</summary>
    public sealed record FirstRunAdmin(string Email, string Password, bool PasswordWasGenerated);

    public async Task<FirstRunAdmin?> EnsureRolesAndAdminAsync()
    {
        await EnsureRolesAsync();
        if (await AdminExistsAsync())
            return null;

        var email = options.Value.AdminEmail;
        var password = options.Value.AdminPassword;
        var generated = string.IsNullOrEmpty(password);
        if (generated)
            password = GeneratePassword();

        var created = await CreateUnlessDoneByOther(async () =>
        {
            var admin = await users.FindByEmailAsync(email);
            if (admin is null)
            {
                admin = new ApplicationUser
                {
                    UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Administrator",
                    CreatedAt = clock.GetUtcNow().UtcDateTime,
                };
                await Check(users.CreateAsync(admin, password!), $"create the first-run admin {email}");
            }
            else
            {
                // An account with that email exists but is no admin: make it one with the configured password.
                await Check(users.RemovePasswordAsync(admin), "reset the first-run admin's password");
                await Check(users.AddPasswordAsync(admin, password!), "set the first-run admin's password");
            }
            await Check(users.AddToRoleAsync(admin, Roles.Admin), "make the first-run admin an Admin");
            // A generated password stays in the console and the log: like any password handed over, it is one-time.
            if (generated)
                await Check(RequiredPasswordChange.RequireAsync(users, admin), "require the first-run admin to choose a password");
        }, async () => await users.FindByEmailAsync(email) is not null);
        if (!created)
            return null; // an instance starting at the same moment created it

        if (generated)
        {
            // Printed once on purpose: this is the only way to learn a generated password.
            var line = $"First-run admin: {email} / {password} (a one-time password: you choose your own at first sign-in)";
            Console.WriteLine(line);
            logger.LogWarning("{Line}", line);
        }
        else
        {
            logger.LogInformation("First-run admin: {Email} with the password from Bootstrap:AdminPassword", email);
        }
        return new FirstRunAdmin(email, password!, generated);
    }

    /// <summary>Creates the roles that do not exist yet (a database the web app has not started on lacks them).</summary>
    public async Task EnsureRolesAsync()
    {
        foreach (var role in Roles.All)
        {
            // Another instance starting at the same moment may create the role first: that is success too.
            if (!await roles.RoleExistsAsync(role))
                await CreateUnlessDoneByOther(() => Check(roles.CreateAsync(new IdentityRole(role)), $"create role {role}"),
                    () => roles.RoleExistsAsync(role));
        }
    }

    /// <summary>20 random characters in four groups, with every character class the password policy asks for.</summary>
    public static string GeneratePassword()
    {
        const string alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        while (true)
        {
            var groups = Enumerable.Range(0, 4).Select(_ => RandomNumberGenerator.GetString(alphabet, 5));
            var password = string.Join('-', groups);
            if (password.Any(char.IsUpper) && password.Any(char.IsLower) && password.Any(char.IsDigit))
                return password;
        }
    }

    async Task<bool> AdminExistsAsync() => (await users.GetUsersInRoleAsync(Roles.Admin)).Count > 0;

    /// <summary>Runs <paramref name="create"/>; when it fails but <paramref name="doneByOther"/> holds, false instead of the error.</summary>
    async Task<bool> CreateUnlessDoneByOther(Func<Task> create, Func<Task<bool>> doneByOther)
    {
        try
        {
            await create();
            return true;
        }
        catch (Exception)
        {
            // The stores share this context: forget the rejected insert, or the next save would repeat it.
            identityStoreContext.ChangeTracker.Clear();
            if (await doneByOther())
                return false;
            throw;
        }
    }

    static async Task Check(Task<IdentityResult> operation, string what)
    {
        var result = await operation;
        if (!result.Succeeded)
            throw new InvalidOperationException(
                $"Could not {what}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
    }
}
