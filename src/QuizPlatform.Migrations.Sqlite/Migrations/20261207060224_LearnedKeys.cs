using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace QuizPlatform.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class LearnedKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "LearnedKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    QuizId = table.Column<int>(type: "INTEGER", nullable: false),
                    QuestionId = table.Column<int>(type: "INTEGER", nullable: false),
                    KeywordVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    Marks = table.Column<int>(type: "INTEGER", nullable: false),
                    References = table.Column<string>(type: "TEXT", nullable: false),
                    CalibrationLogit = table.Column<double>(type: "REAL", nullable: true),
                    CalibrationMarks = table.Column<int>(type: "INTEGER", nullable: false),
                    LearnedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LearnedKeys", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LearnedKeys_Questions_QuestionId",
                        column: x => x.QuestionId,
                        principalTable: "Questions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_LearnedKeys_Quizzes_QuizId",
                        column: x => x.QuizId,
                        principalTable: "Quizzes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_LearnedKeys_QuestionId",
                table: "LearnedKeys",
                column: "QuestionId");

            migrationBuilder.CreateIndex(
                name: "IX_LearnedKeys_QuizId_QuestionId",
                table: "LearnedKeys",
                columns: new[] { "QuizId", "QuestionId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LearnedKeys");
        }
    }
}
