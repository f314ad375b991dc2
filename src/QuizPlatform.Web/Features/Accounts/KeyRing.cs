using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using QuizPlatform.Data;

namespace QuizPlatform.Web.Features.Accounts;

/// <summary>
/// The Data Protection key ring (it protects sign-in cookies, anti-forgery tokens and reset links) kept in the
/// database, under one fixed application name, so every instance of the app and every new container reads the same
/// keys: recreating a container or adding a second one signs nobody out. With <c>DataProtection:CertificatePath</c>
/// (a PFX file; <c>DataProtection:CertificatePassword</c> if it has one) the keys are encrypted with that certificate
/// at rest; without it they are stored in plain XML and rely on the database's access control.
/// </summary>
public static class KeyRing
{
    public const string ApplicationName = "QuizPlatform";

    public static IServiceCollection AddKeyRing(this IServiceCollection services, IConfiguration configuration)
    {
        var keys = services.AddDataProtection().SetApplicationName(ApplicationName).PersistKeysToDbContext<QuizDbContext>();
        if (configuration["DataProtection:CertificatePath"] is { Length: > 0 } path)
            keys.ProtectKeysWithCertificate(
                X509CertificateLoader.LoadPkcs12FromFile(path, configuration["DataProtection:CertificatePassword"]));
        return services;
    }
}
