using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace QuizPlatform.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class OverridesAreReviews : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Data only: an override made before reviews existed was an instructor's look at the answer. Its own
            // migration, after InstructorMarks has added (and on SQLite rebuilt) the columns it fills.
            migrationBuilder.Sql("UPDATE \"Grades\" SET \"ReviewedAt\" = \"OverriddenAt\", \"ReviewedById\" = \"OverriddenById\" WHERE \"OverrideScore\" IS NOT NULL AND \"ReviewedAt\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Nothing to undo: InstructorMarks' Down drops the columns.
        }
    }
}
