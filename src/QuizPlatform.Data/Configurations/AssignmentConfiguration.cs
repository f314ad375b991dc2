using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using QuizPlatform.Data.Entities;

namespace QuizPlatform.Data.Configurations;

sealed class AssignmentConfiguration : IEntityTypeConfiguration<Assignment>
{
    public void Configure(EntityTypeBuilder<Assignment> builder)
    {
        builder.Property(a => a.Title).HasMaxLength(Limits.Title);
        builder.HasIndex(a => a.Title).IsUnique();
    }
}

sealed class AssignmentVersionConfiguration : IEntityTypeConfiguration<AssignmentVersion>
{
    public void Configure(EntityTypeBuilder<AssignmentVersion> builder)
    {
        builder.ToTable(t => t.HasCheckConstraint("CK_AssignmentVersions_Version", "\"Version\" >= 1"));
        builder.Property(v => v.SourceFileName).HasMaxLength(260);
        builder.Property(v => v.ContentHash).HasMaxLength(128);
        builder.HasIndex(v => new { v.AssignmentId, v.Version }).IsUnique();
        builder.HasIndex(v => new { v.AssignmentId, v.ContentHash }).IsUnique();
        builder.HasOne(v => v.Assignment).WithMany(a => a.Versions).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(v => v.ImportedBy).WithMany().HasForeignKey(v => v.ImportedById).OnDelete(DeleteBehavior.SetNull);
    }
}
