using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace QuizPlatform.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class InstructorMarks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "HoldScoresUntilReviewed",
                table: "Quizzes",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<TimeSpan>(
                name: "RegradeRequestWindow",
                table: "Quizzes",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "SpotCheckShare",
                table: "Quizzes",
                type: "REAL",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<int>(
                name: "KeywordVersion",
                table: "Questions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<int>(
                name: "KeywordVersion",
                table: "Grades",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<bool>(
                name: "OverrideReasonShown",
                table: "Grades",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTime>(
                name: "ReviewedAt",
                table: "Grades",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReviewedById",
                table: "Grades",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Revision",
                table: "Grades",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "GradeChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    GradeId = table.Column<int>(type: "INTEGER", nullable: false),
                    ChangedById = table.Column<string>(type: "TEXT", nullable: true),
                    ChangedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    OldScore = table.Column<double>(type: "REAL", nullable: false),
                    NewScore = table.Column<double>(type: "REAL", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GradeChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GradeChanges_AspNetUsers_ChangedById",
                        column: x => x.ChangedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_GradeChanges_Grades_GradeId",
                        column: x => x.GradeId,
                        principalTable: "Grades",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "KeywordSetVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    QuestionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Keywords = table.Column<string>(type: "TEXT", nullable: false),
                    ReplacedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReplacedById = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KeywordSetVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_KeywordSetVersions_AspNetUsers_ReplacedById",
                        column: x => x.ReplacedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_KeywordSetVersions_Questions_QuestionId",
                        column: x => x.QuestionId,
                        principalTable: "Questions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RegradeJobs",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    QuizId = table.Column<int>(type: "INTEGER", nullable: false),
                    RequestedById = table.Column<string>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FinishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Total = table.Column<int>(type: "INTEGER", nullable: false),
                    Done = table.Column<int>(type: "INTEGER", nullable: false),
                    Changed = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RegradeJobs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RegradeJobs_AspNetUsers_RequestedById",
                        column: x => x.RequestedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_RegradeJobs_Quizzes_QuizId",
                        column: x => x.QuizId,
                        principalTable: "Quizzes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RegradeRequests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ResponseId = table.Column<int>(type: "INTEGER", nullable: false),
                    StudentId = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Keyword = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SpanStart = table.Column<int>(type: "INTEGER", nullable: true),
                    SpanLength = table.Column<int>(type: "INTEGER", nullable: true),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Reply = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RepliedById = table.Column<string>(type: "TEXT", nullable: true),
                    RepliedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RegradeRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RegradeRequests_AspNetUsers_RepliedById",
                        column: x => x.RepliedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_RegradeRequests_AspNetUsers_StudentId",
                        column: x => x.StudentId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RegradeRequests_Responses_ResponseId",
                        column: x => x.ResponseId,
                        principalTable: "Responses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.AddCheckConstraint(
                name: "CK_Quizzes_SpotCheckShare",
                table: "Quizzes",
                sql: "\"SpotCheckShare\" >= 0 AND \"SpotCheckShare\" <= 1");

            migrationBuilder.CreateIndex(
                name: "IX_Grades_ReviewedById",
                table: "Grades",
                column: "ReviewedById");

            migrationBuilder.CreateIndex(
                name: "IX_GradeChanges_ChangedById",
                table: "GradeChanges",
                column: "ChangedById");

            migrationBuilder.CreateIndex(
                name: "IX_GradeChanges_GradeId_ChangedAt",
                table: "GradeChanges",
                columns: new[] { "GradeId", "ChangedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_KeywordSetVersions_QuestionId_Version",
                table: "KeywordSetVersions",
                columns: new[] { "QuestionId", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_KeywordSetVersions_ReplacedById",
                table: "KeywordSetVersions",
                column: "ReplacedById");

            migrationBuilder.CreateIndex(
                name: "IX_RegradeJobs_FinishedAt_QuizId",
                table: "RegradeJobs",
                columns: new[] { "FinishedAt", "QuizId" });

            migrationBuilder.CreateIndex(
                name: "IX_RegradeJobs_QuizId",
                table: "RegradeJobs",
                column: "QuizId");

            migrationBuilder.CreateIndex(
                name: "IX_RegradeJobs_RequestedById",
                table: "RegradeJobs",
                column: "RequestedById");

            migrationBuilder.CreateIndex(
                name: "IX_RegradeRequests_RepliedById",
                table: "RegradeRequests",
                column: "RepliedById");

            migrationBuilder.CreateIndex(
                name: "IX_RegradeRequests_ResponseId",
                table: "RegradeRequests",
                column: "ResponseId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RegradeRequests_Status_CreatedAt",
                table: "RegradeRequests",
                columns: new[] { "Status", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_RegradeRequests_StudentId",
                table: "RegradeRequests",
                column: "StudentId");

            migrationBuilder.AddForeignKey(
                name: "FK_Grades_AspNetUsers_ReviewedById",
                table: "Grades",
                column: "ReviewedById",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Grades_AspNetUsers_ReviewedById",
                table: "Grades");

            migrationBuilder.DropTable(
                name: "GradeChanges");

            migrationBuilder.DropTable(
                name: "KeywordSetVersions");

            migrationBuilder.DropTable(
                name: "RegradeJobs");

            migrationBuilder.DropTable(
                name: "RegradeRequests");

            migrationBuilder.DropCheckConstraint(
                name: "CK_Quizzes_SpotCheckShare",
                table: "Quizzes");

            migrationBuilder.DropIndex(
                name: "IX_Grades_ReviewedById",
                table: "Grades");

            migrationBuilder.DropColumn(
                name: "HoldScoresUntilReviewed",
                table: "Quizzes");

            migrationBuilder.DropColumn(
                name: "RegradeRequestWindow",
                table: "Quizzes");

            migrationBuilder.DropColumn(
                name: "SpotCheckShare",
                table: "Quizzes");

            migrationBuilder.DropColumn(
                name: "KeywordVersion",
                table: "Questions");

            migrationBuilder.DropColumn(
                name: "KeywordVersion",
                table: "Grades");

            migrationBuilder.DropColumn(
                name: "OverrideReasonShown",
                table: "Grades");

            migrationBuilder.DropColumn(
                name: "ReviewedAt",
                table: "Grades");

            migrationBuilder.DropColumn(
                name: "ReviewedById",
                table: "Grades");

            migrationBuilder.DropColumn(
                name: "Revision",
                table: "Grades");
        }
    }
}
