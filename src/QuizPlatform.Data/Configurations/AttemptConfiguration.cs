using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using QuizPlatform.Data.Entities;

namespace QuizPlatform.Data.Configurations;

sealed class AttemptConfiguration : IEntityTypeConfiguration<Attempt>
{
    public void Configure(EntityTypeBuilder<Attempt> builder)
    {
        builder.ToTable(t => t.HasCheckConstraint("CK_Attempts_Number", "\"Number\" >= 1"));
        builder.Property(a => a.SubmittedBy).HasConversion<string>().HasMaxLength(Limits.Enum);
        builder.HasIndex(a => new { a.QuizId, a.StudentId, a.Number }).IsUnique();
        // The background submitter looks for open attempts whose deadline passed.
        builder.HasIndex(a => new { a.SubmittedAt, a.Deadline });
        // The grading queue: handed in, not graded yet, oldest first.
        builder.HasIndex(a => a.SubmittedAt, "IX_Attempts_Ungraded").HasFilter("\"SubmittedAt\" IS NOT NULL AND \"GradedAt\" IS NULL");
        // Attempts are records of work: a quiz that has any cannot be deleted.
        builder.HasOne(a => a.Quiz).WithMany().OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.Student).WithMany().HasForeignKey(a => a.StudentId).OnDelete(DeleteBehavior.Restrict);
    }
}

sealed class ResponseConfiguration : IEntityTypeConfiguration<Response>
{
    public void Configure(EntityTypeBuilder<Response> builder)
    {
        builder.Property(r => r.Text).HasMaxLength(Limits.ResponseText);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasIndex(r => new { r.AttemptId, r.QuestionId }).IsUnique();
        builder.HasOne(r => r.Attempt).WithMany(a => a.Responses).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(r => r.Question).WithMany().OnDelete(DeleteBehavior.Restrict);
    }
}

sealed class RefusedSaveConfiguration : IEntityTypeConfiguration<RefusedSave>
{
    public void Configure(EntityTypeBuilder<RefusedSave> builder)
    {
        builder.Property(s => s.Text).HasMaxLength(Limits.ResponseText);
        builder.Property(s => s.Reason).HasMaxLength(500);
        builder.HasOne(s => s.Attempt).WithMany().OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => new { s.AttemptId, s.QuestionId });
    }
}

sealed class GradeConfiguration : IEntityTypeConfiguration<Grade>
{
    public void Configure(EntityTypeBuilder<Grade> builder)
    {
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("CK_Grades_Score", "\"Score\" >= 0 AND \"Score\" <= \"MaxPoints\"");
            t.HasCheckConstraint("CK_Grades_Coverage", "\"Coverage\" >= 0 AND \"Coverage\" <= 1");
            t.HasCheckConstraint("CK_Grades_Override",
                "(\"OverrideScore\" IS NULL) = (\"OverriddenAt\" IS NULL)");
        });
        builder.Property(g => g.GraderVersion).HasMaxLength(64);
        builder.Property(g => g.OverrideReason).HasMaxLength(1000);
        builder.HasIndex(g => g.ResponseId).IsUnique();
        builder.HasIndex(g => g.MeaningPending);
        builder.HasOne(g => g.Response).WithOne(r => r.Grade).HasForeignKey<Grade>(g => g.ResponseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(g => g.OverriddenBy).WithMany().HasForeignKey(g => g.OverriddenById).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(g => g.ReviewedBy).WithMany().HasForeignKey(g => g.ReviewedById).OnDelete(DeleteBehavior.SetNull);
        builder.Property(g => g.Revision).IsConcurrencyToken();
        builder.Property(g => g.KeywordVersion).HasDefaultValue(1);
        builder.Ignore(g => g.EffectiveScore);
        builder.Ignore(g => g.Reviewed);
    }
}

sealed class GradeChangeConfiguration : IEntityTypeConfiguration<GradeChange>
{
    public void Configure(EntityTypeBuilder<GradeChange> builder)
    {
        builder.Property(c => c.Source).HasConversion<string>().HasMaxLength(Limits.Enum);
        builder.Property(c => c.Reason).HasMaxLength(Limits.Reason);
        builder.HasIndex(c => new { c.GradeId, c.ChangedAt });
        builder.HasOne(c => c.Grade).WithMany(g => g.History).OnDelete(DeleteBehavior.Cascade);
        // The record outlives an account: a deleted user's changes stay, unattributed.
        builder.HasOne(c => c.ChangedBy).WithMany().HasForeignKey(c => c.ChangedById).OnDelete(DeleteBehavior.SetNull);
    }
}

sealed class RegradeRequestConfiguration : IEntityTypeConfiguration<RegradeRequest>
{
    public void Configure(EntityTypeBuilder<RegradeRequest> builder)
    {
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(Limits.Enum);
        builder.Property(r => r.Keyword).HasMaxLength(Limits.Phrase);
        builder.Property(r => r.Comment).HasMaxLength(Limits.Reason);
        builder.Property(r => r.Reply).HasMaxLength(Limits.Reason);
        // One request per answer, ever: a student cannot dispute the same answer twice.
        builder.HasIndex(r => r.ResponseId).IsUnique();
        builder.HasIndex(r => new { r.Status, r.CreatedAt });
        builder.HasOne(r => r.Response).WithMany().OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(r => r.Student).WithMany().HasForeignKey(r => r.StudentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(r => r.RepliedBy).WithMany().HasForeignKey(r => r.RepliedById).OnDelete(DeleteBehavior.SetNull);
    }
}
