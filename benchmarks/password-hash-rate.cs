// How many sign-ins this machine can check a second: Identity's password hash (V3: PBKDF2-HMAC-SHA512, 100,000
// rounds, 128-bit salt, 256-bit subkey) on one thread, then on as many threads as cores and on four times as many.
// Run: dotnet run benchmarks/password-hash-rate.cs   (docs/operations.md, "Before an exam")
using System.Diagnostics;
using System.Security.Cryptography;

var salt = RandomNumberGenerator.GetBytes(16);
void Hash() => Rfc2898DeriveBytes.Pbkdf2("Correct-Horse-9", salt, 100_000, HashAlgorithmName.SHA512, 32);

Hash();
var one = Stopwatch.StartNew();
for (var i = 0; i < 20; i++)
    Hash();
Console.WriteLine($"1 thread: {one.Elapsed.TotalMilliseconds / 20:F0} ms per hash");
foreach (var threads in new[] { Environment.ProcessorCount, 4 * Environment.ProcessorCount })
{
    var many = Stopwatch.StartNew();
    Parallel.For(0, 40, new ParallelOptions { MaxDegreeOfParallelism = threads }, _ => Hash());
    Console.WriteLine($"{threads} threads: {40 / many.Elapsed.TotalSeconds:F1} hashes/s");
}
