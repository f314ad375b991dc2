using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using QuizPlatform.Data.Entities;

namespace QuizPlatform.Data.Configurations;

sealed class QuestionConfiguration : IEntityTypeConfiguration<Question>
{
    public void Configure(EntityTypeBuilder<Question> builder)
    {
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("CK_Questions_Number", "\"Number\" >= 1");
            t.HasCheckConstraint("CK_Questions_DefaultPoints", "\"DefaultPoints\" >= 0");
        });
        builder.HasIndex(q => new { q.AssignmentVersionId, q.Number }).IsUnique();
        builder.HasOne(q => q.AssignmentVersion).WithMany(v => v.Questions).OnDelete(DeleteBehavior.Cascade);
        builder.Property(q => q.KeywordVersion).HasDefaultValue(1);
    }
}

sealed class KeywordSetVersionConfiguration : IEntityTypeConfiguration<KeywordSetVersion>
{
    public void Configure(EntityTypeBuilder<KeywordSetVersion> builder)
    {
        builder.HasIndex(v => new { v.QuestionId, v.Version }).IsUnique();
        builder.HasOne(v => v.Question).WithMany().OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(v => v.ReplacedById).OnDelete(DeleteBehavior.SetNull);
    }
}

sealed class QuestionKeywordConfiguration : IEntityTypeConfiguration<QuestionKeyword>
{
    public void Configure(EntityTypeBuilder<QuestionKeyword> builder)
    {
        builder.ToTable(t => t.HasCheckConstraint("CK_QuestionKeywords_Weight", "\"Weight\" > 0"));
        builder.Property(k => k.Phrase).HasMaxLength(Limits.Phrase);
        builder.Property(k => k.Origin).HasConversion<string>().HasMaxLength(Limits.Enum);
        builder.HasIndex(k => new { k.QuestionId, k.Position }).IsUnique();
        builder.HasOne(k => k.Question).WithMany(q => q.Keywords).OnDelete(DeleteBehavior.Cascade);
    }
}
