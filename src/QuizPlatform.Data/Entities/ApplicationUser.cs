using Microsoft.AspNetCore.Identity;

namespace QuizPlatform.Data.Entities;

/// <summary>A person who signs in: admin, instructor or student (roles decide which). Deactivated, never deleted.</summary>
public class ApplicationUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public bool IsActive { get; set; } = true;
    public DateTime CreatedAt { get; set; }
}
