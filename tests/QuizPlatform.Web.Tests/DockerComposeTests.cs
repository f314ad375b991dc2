using System.ComponentModel;
using System.Diagnostics;
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
        var services = await RunComposeAsync(RepositoryRoot, ["config", "--services"]);

        Assert.True(validation.ExitCode == 0, validation.Output);
        Assert.Equal(["app", "postgres"], services.Output.Split('\n', SplitOptions).Order());
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
