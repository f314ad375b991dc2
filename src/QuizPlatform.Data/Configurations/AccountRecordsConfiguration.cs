using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using QuizPlatform.Data.Entities;

namespace QuizPlatform.Data.Configurations;

sealed class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> builder)
    {
        builder.Property(s => s.Id).HasMaxLength(64);
        builder.Property(s => s.IpAddress).HasMaxLength(Limits.IpAddress);
        builder.Property(s => s.UserAgent).HasMaxLength(Limits.UserAgent);
        builder.HasIndex(s => s.UserId);
        // Expired sessions are swept by their end time.
        builder.HasIndex(s => s.ExpiresAt);
        builder.HasOne(s => s.User).WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.Property(e => e.ActorId).HasMaxLength(450);
        builder.Property(e => e.ActorEmail).HasMaxLength(256);
        builder.Property(e => e.Action).HasMaxLength(64);
        builder.Property(e => e.Subject).HasMaxLength(128);
        builder.Property(e => e.Summary).HasMaxLength(Limits.Reason);
        builder.Property(e => e.IpAddress).HasMaxLength(Limits.IpAddress);
        // The admin page lists newest first and filters by action, actor and subject.
        builder.HasIndex(e => e.At);
        builder.HasIndex(e => new { e.Action, e.At });
        builder.HasIndex(e => new { e.ActorId, e.At });
        builder.HasIndex(e => new { e.Subject, e.At });
    }
}
