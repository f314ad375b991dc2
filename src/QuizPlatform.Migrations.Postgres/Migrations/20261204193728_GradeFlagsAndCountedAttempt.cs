using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace QuizPlatform.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class GradeFlagsAndCountedAttempt : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CountedAttempt",
                table: "Quizzes",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "Last");

            migrationBuilder.AddColumn<int>(
                name: "Flags",
                table: "Grades",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "KeywordHits",
                table: "Grades",
                type: "text",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CountedAttempt",
                table: "Quizzes");

            migrationBuilder.DropColumn(
                name: "Flags",
                table: "Grades");

            migrationBuilder.DropColumn(
                name: "KeywordHits",
                table: "Grades");
        }
    }
}
