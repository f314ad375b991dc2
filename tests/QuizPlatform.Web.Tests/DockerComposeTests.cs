using System.ComponentModel;
using System.Diagnostics;
using System.Text.RegularExpressions;
using QuizPlatform.Web.Tests.Infrastructure;

namespace QuizPlatform.Web.Tests;

/// <summary>
/// docker-compose.yml as the Compose client reads it. No Docker engine is needed (or present on CI): `config` only
/// parses, interpolates and validates the file.
/// </summary>
public sealed class DockerComposeTests
{
    private const StringSplitOptions SplitOptions = StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries;
    private static readonly string RepositoryRoot = Repository.Root;

    [Fact]
    public async Task ComposeFileDefinesTheDatabaseAndTheApp()
    {
        var validation = await RunComposeAsync(RepositoryRoot, ["config"]);

        Assert.True(validation.ExitCode == 0, validation.Output);
        Assert.Equal(["app", "postgres"], Services(validation.Output).Where(s => s.Profile is null).Select(s => s.Name).Order());
    }

    [Fact]
    public async Task TheScaledProfileAddsAnInstanceBehindTheProxyWhoseForwardedHeadersBothInstancesAloneBelieve()
    {
        var config = await RunComposeAsync(RepositoryRoot, ["--profile", "scaled", "config"]);

        Assert.True(config.ExitCode == 0, config.Output);
        var services = Services(config.Output);
        Assert.Equal(["app2", "proxy"], services.Where(s => s.Profile == "scaled").Select(s => s.Name).Order());
        var proxy = services.Single(s => s.Name == "proxy").Text;
        var proxyAddress = Regex.Match(proxy, @"ipv4_address: (\S+)").Groups[1].Value;
        Assert.NotEmpty(proxyAddress);
        foreach (var instance in new[] { "app", "app2" })
        {
            Assert.Contains($"http://{instance}:8080/", proxy);
            var trusted = Regex.Matches(services.Single(s => s.Name == instance).Text, @"ForwardedHeaders__KnownProxies__\d+: (\S+)");
            Assert.Equal([proxyAddress], trusted.Select(m => m.Groups[1].Value));
        }
    }

    [Fact]
    public async Task ComposeRefusesToRunWithoutAnAdminPassword()
    {
        // A copy in an empty directory, so a developer's own .env cannot supply the password.
        var directory = Directory.CreateTempSubdirectory("quiz-compose-");
        try
        {
            File.Copy(Path.Combine(RepositoryRoot, "docker-compose.yml"), Path.Combine(directory.FullName, "docker-compose.yml"));

            var result = await RunComposeAsync(directory.FullName, ["config"], withAdminPassword: false);

            Assert.NotEqual(0, result.ExitCode);
            Assert.Contains("QUIZ_ADMIN_PASSWORD", result.Output);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    /// <summary>The services of <c>config</c>'s output: name, the profile it needs (null: started by a plain <c>up</c>), its lines.</summary>
    private static List<(string Name, string? Profile, string Text)> Services(string config)
    {
        var section = Regex.Match(config, @"^services:\n((?:[ \t].*\n?)*)", RegexOptions.Multiline).Groups[1].Value;
        return [.. Regex.Matches(section, @"^  (\S+):\n((?:    .*\n?)*)", RegexOptions.Multiline).Select(m =>
        {
            var profile = Regex.Match(m.Groups[2].Value, @"^    profiles:\n\s+- (\S+)", RegexOptions.Multiline);
            return (m.Groups[1].Value, profile.Success ? profile.Groups[1].Value : null, m.Groups[2].Value);
        })];
    }

    private static async Task<(int ExitCode, string Output)> RunComposeAsync(
        string directory, string[] args, bool withAdminPassword = true)
    {
        string[] command = await IsAvailableAsync("docker", "compose", "version") ? ["docker", "compose", .. args]
            : await IsAvailableAsync("docker-compose", "version") ? ["docker-compose", .. args]
            : throw new InvalidOperationException(
                "No Docker Compose client (`docker compose` or `docker-compose`) found. Run ./test.sh, which installs " +
                "it, or: apt-get install -y --no-install-recommends docker-compose");
        var start = new ProcessStartInfo(command[0])
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in command[1..])
            start.ArgumentList.Add(arg);
        if (withAdminPassword)
            start.Environment["QUIZ_ADMIN_PASSWORD"] = "a-test-password";
        else
            start.Environment.Remove("QUIZ_ADMIN_PASSWORD");
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }

    private static async Task<bool> IsAvailableAsync(string program, params string[] args)
    {
        try
        {
            var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var arg in args)
                start.ArgumentList.Add(arg);
            using var process = Process.Start(start)!;
            await Task.WhenAll(process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync());
            await process.WaitForExitAsync();
            return process.ExitCode == 0;
        }
        catch (Win32Exception)
        {
            return false;
        }
    }
}
