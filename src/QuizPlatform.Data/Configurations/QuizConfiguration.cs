using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using QuizPlatform.Data.Entities;
using QuizPlatform.Grading.Statistics;

namespace QuizPlatform.Data.Configurations;

sealed class QuizConfiguration : IEntityTypeConfiguration<Quiz>
{
    public void Configure(EntityTypeBuilder<Quiz> builder)
    {
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("CK_Quizzes_AttemptsAllowed", "\"AttemptsAllowed\" >= 1");
            t.HasCheckConstraint("CK_Quizzes_RandomCount", "\"RandomCount\" IS NULL OR \"RandomCount\" >= 1");
            t.HasCheckConstraint("CK_Quizzes_SpotCheckShare", "\"SpotCheckShare\" >= 0 AND \"SpotCheckShare\" <= 1");
        });
        builder.Property(q => q.Title).HasMaxLength(Limits.Title);
        builder.Property(q => q.QuestionSelection).HasConversion<string>().HasMaxLength(Limits.Enum);
        builder.Property(q => q.CountedAttempt).HasConversion<string>().HasMaxLength(Limits.Enum).HasDefaultValue(CountedAttempt.Last);
        builder.Property(q => q.ShowScore).HasConversion<string>().HasMaxLength(Limits.Enum);
        builder.Property(q => q.ShowKeywordFeedback).HasConversion<string>().HasMaxLength(Limits.Enum);
        builder.Property(q => q.ShowModelAnswer).HasConversion<string>().HasMaxLength(Limits.Enum);
        // A quiz pins its assignment version: the version cannot be deleted while a quiz uses it.
        builder.HasOne(q => q.AssignmentVersion).WithMany().OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(q => q.CreatedBy).WithMany().HasForeignKey(q => q.CreatedById).OnDelete(DeleteBehavior.Restrict);
    }
}

sealed class RegradeJobConfiguration : IEntityTypeConfiguration<RegradeJob>
{
    public void Configure(EntityTypeBuilder<RegradeJob> builder)
    {
        // The worker looks for unfinished jobs at start-up and after each one.
        builder.HasIndex(j => new { j.FinishedAt, j.QuizId });
        builder.HasOne(j => j.Quiz).WithMany().OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(j => j.RequestedById).OnDelete(DeleteBehavior.SetNull);
    }
}

sealed class LearnedKeyConfiguration : IEntityTypeConfiguration<LearnedKey>
{
    public void Configure(EntityTypeBuilder<LearnedKey> builder)
    {
        builder.HasIndex(k => new { k.QuizId, k.QuestionId }).IsUnique();
        builder.HasOne(k => k.Quiz).WithMany().OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(k => k.Question).WithMany().OnDelete(DeleteBehavior.Cascade);
    }
}

sealed class QuizQuestionConfiguration : IEntityTypeConfiguration<QuizQuestion>
{
    public void Configure(EntityTypeBuilder<QuizQuestion> builder)
    {
        builder.ToTable(t => t.HasCheckConstraint("CK_QuizQuestions_Points", "\"Points\" >= 0"));
        builder.HasIndex(q => new { q.QuizId, q.QuestionId }).IsUnique();
        builder.HasOne(q => q.Quiz).WithMany(q => q.Questions).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(q => q.Question).WithMany().OnDelete(DeleteBehavior.Restrict);
    }
}

sealed class QuizClassConfiguration : IEntityTypeConfiguration<QuizClass>
{
    public void Configure(EntityTypeBuilder<QuizClass> builder)
    {
        builder.HasKey(qc => new { qc.QuizId, qc.ClassId });
        builder.HasOne(qc => qc.Quiz).WithMany(q => q.Classes).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(qc => qc.Class).WithMany().OnDelete(DeleteBehavior.Cascade);
    }
}

sealed class AccommodationConfiguration : IEntityTypeConfiguration<Accommodation>
{
    public void Configure(EntityTypeBuilder<Accommodation> builder)
    {
        builder.ToTable(t => t.HasCheckConstraint("CK_Accommodations_TimeMultiplier", "\"TimeMultiplier\" >= 1"));
        builder.HasIndex(a => new { a.QuizId, a.StudentId }).IsUnique();
        builder.HasOne(a => a.Quiz).WithMany(q => q.Accommodations).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(a => a.Student).WithMany().HasForeignKey(a => a.StudentId).OnDelete(DeleteBehavior.Cascade);
    }
}
