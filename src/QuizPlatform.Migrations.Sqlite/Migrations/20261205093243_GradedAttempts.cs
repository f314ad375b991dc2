using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace QuizPlatform.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class GradedAttempts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Data only: attempts handed in before the grading queue whose answers all have grades are graded; the
            // others stay in the queue and are graded at the first start. Its own migration, after GradingClaims.
            migrationBuilder.Sql("UPDATE \"Attempts\" SET \"GradedAt\" = \"SubmittedAt\" WHERE \"SubmittedAt\" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM \"Responses\" AS r WHERE r.\"AttemptId\" = \"Attempts\".\"Id\" AND NOT EXISTS (SELECT 1 FROM \"Grades\" AS g WHERE g.\"ResponseId\" = r.\"Id\"))");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Nothing to undo: GradingClaims' Down drops the column.
        }
    }
}
