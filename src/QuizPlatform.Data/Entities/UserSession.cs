namespace QuizPlatform.Data.Entities;

/// <summary>
/// A signed-in browser. The cookie carries only <see cref="Id"/>; the authentication ticket lives here, so signing
/// out (or ending the session from another device) deletes the row and a copied cookie stops working at once.
/// </summary>
public class UserSession
{
    /// <summary>A random, unguessable key (the cookie's only content besides its protection).</summary>
    public string Id { get; set; } = "";
    public string UserId { get; set; } = "";
    public ApplicationUser User { get; set; } = null!;
    /// <summary>The serialized authentication ticket (claims and properties).</summary>
    public byte[] Ticket { get; set; } = [];
    public DateTime CreatedAt { get; set; }
    public DateTime LastSeenAt { get; set; }
    /// <summary>The sliding end: renewed as the user is active.</summary>
    public DateTime ExpiresAt { get; set; }
    /// <summary>The absolute end: never renewed, whatever the activity.</summary>
    public DateTime AbsoluteExpiresAt { get; set; }
    public string? IpAddress { get; set; }
    public string? UserAgent { get; set; }
}
