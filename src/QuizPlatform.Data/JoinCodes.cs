using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;

namespace QuizPlatform.Data;

/// <summary>
/// Join codes students type from a slide or a board: eight characters from an alphabet without the look-alikes
/// 0/O, 1/I/L, so a code read aloud or copied by hand still works. Typing is forgiving: case, spaces and dashes
/// are ignored.
/// </summary>
public static class JoinCodes
{
    public const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    public const int Length = 8;

    public static string Generate() => RandomNumberGenerator.GetString(Alphabet, Length);

    /// <summary>The code as stored, from what a student typed: upper case, without spaces or dashes.</summary>
    public static string Normalize(string typed) =>
        new(typed.Where(c => !char.IsWhiteSpace(c) && c != '-').Select(char.ToUpperInvariant).ToArray());

    /// <summary>Shown as two groups of four ("ABCD-EFGH"), which is easier to read out.</summary>
    public static string Display(string code) => code.Length == Length ? $"{code[..4]}-{code[4..]}" : code;

    /// <summary>A code no class has yet (a race with another insert still fails on the unique index).</summary>
    public static async Task<string> UnusedAsync(QuizDbContext db, CancellationToken cancellationToken)
    {
        while (true)
        {
            var code = Generate();
            if (!await db.Classes.AnyAsync(c => c.JoinCode == code, cancellationToken))
                return code;
        }
    }
}
