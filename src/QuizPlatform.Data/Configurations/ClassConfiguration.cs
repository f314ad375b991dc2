using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using QuizPlatform.Data.Entities;

namespace QuizPlatform.Data.Configurations;

sealed class ClassConfiguration : IEntityTypeConfiguration<Class>
{
    public void Configure(EntityTypeBuilder<Class> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(Limits.Title);
        builder.Property(c => c.JoinCode).HasMaxLength(32);
        builder.HasIndex(c => c.JoinCode).IsUnique();
        builder.HasOne(c => c.Instructor).WithMany().HasForeignKey(c => c.InstructorId).OnDelete(DeleteBehavior.Restrict);
    }
}

sealed class EnrollmentConfiguration : IEntityTypeConfiguration<Enrollment>
{
    public void Configure(EntityTypeBuilder<Enrollment> builder)
    {
        builder.HasIndex(e => new { e.ClassId, e.StudentId }).IsUnique();
        builder.HasOne(e => e.Class).WithMany(c => c.Enrollments).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(e => e.Student).WithMany().HasForeignKey(e => e.StudentId).OnDelete(DeleteBehavior.Cascade);
    }
}
