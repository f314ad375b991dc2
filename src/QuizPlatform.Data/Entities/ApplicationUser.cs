using Microsoft.AspNetCore.Identity;

namespace QuizPlatform.Data.Entities;

/// <summary>A person who signs in: admin, instructor or student (roles decide which). Deactivated, never deleted.</summary>
public class ApplicationUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public bool IsActive { get; set; } = true;
    public DateTime CreatedAt { get; set; }

    /// <summary>How a person is named on pages and in exports: their display name, else their email.</summary>
    public static string NameOf(string? displayName, string? email) =>
        string.IsNullOrWhiteSpace(displayName) ? email ?? "" : displayName.Trim();
}
