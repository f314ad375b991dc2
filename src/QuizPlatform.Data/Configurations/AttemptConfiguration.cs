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
        builder.HasOne(g => g.Response).WithOne(r => r.Grade).HasForeignKey<Grade>(g => g.ResponseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(g => g.OverriddenBy).WithMany().HasForeignKey(g => g.OverriddenById).OnDelete(DeleteBehavior.SetNull);
        builder.Ignore(g => g.EffectiveScore);
    }
}
