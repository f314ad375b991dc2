using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace QuizPlatform.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class MeaningPending : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "MeaningPending",
                table: "Grades",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateIndex(
                name: "IX_Grades_MeaningPending",
                table: "Grades",
                column: "MeaningPending");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Grades_MeaningPending",
                table: "Grades");

            migrationBuilder.DropColumn(
                name: "MeaningPending",
                table: "Grades");
        }
    }
}
