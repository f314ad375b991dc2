using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace QuizPlatform.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class GradingClaims : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "MeaningLeaseUntil",
                table: "Grades",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "GradedAt",
                table: "Attempts",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "GradingLeaseUntil",
                table: "Attempts",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Attempts_Ungraded",
                table: "Attempts",
                column: "SubmittedAt",
                filter: "\"SubmittedAt\" IS NOT NULL AND \"GradedAt\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Attempts_Ungraded",
                table: "Attempts");

            migrationBuilder.DropColumn(
                name: "MeaningLeaseUntil",
                table: "Grades");

            migrationBuilder.DropColumn(
                name: "GradedAt",
                table: "Attempts");

            migrationBuilder.DropColumn(
                name: "GradingLeaseUntil",
                table: "Attempts");
        }
    }
}
