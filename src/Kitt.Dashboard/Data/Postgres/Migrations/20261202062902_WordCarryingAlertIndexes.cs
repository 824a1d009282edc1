using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kitt.Dashboard.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class WordCarryingAlertIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_alerts_FiredAt_words",
                table: "alerts",
                column: "FiredAt")
                .Annotation("Npgsql:IndexInclude", new[] { "SearchText" });

            migrationBuilder.CreateIndex(
                name: "IX_alerts_Severity_FiredAt_words",
                table: "alerts",
                columns: new[] { "Severity", "FiredAt" })
                .Annotation("Npgsql:IndexInclude", new[] { "SearchText" });

            migrationBuilder.CreateIndex(
                name: "IX_alerts_Source_FiredAt_words",
                table: "alerts",
                columns: new[] { "Source", "FiredAt" })
                .Annotation("Npgsql:IndexInclude", new[] { "SearchText" });

            migrationBuilder.CreateIndex(
                name: "IX_alerts_State_FiredAt_words",
                table: "alerts",
                columns: new[] { "State", "FiredAt" })
                .Annotation("Npgsql:IndexInclude", new[] { "SearchText" });

            migrationBuilder.CreateIndex(
                name: "IX_alerts_Type_FiredAt_words",
                table: "alerts",
                columns: new[] { "Type", "FiredAt" })
                .Annotation("Npgsql:IndexInclude", new[] { "SearchText" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_alerts_FiredAt_words",
                table: "alerts");

            migrationBuilder.DropIndex(
                name: "IX_alerts_Severity_FiredAt_words",
                table: "alerts");

            migrationBuilder.DropIndex(
                name: "IX_alerts_Source_FiredAt_words",
                table: "alerts");

            migrationBuilder.DropIndex(
                name: "IX_alerts_State_FiredAt_words",
                table: "alerts");

            migrationBuilder.DropIndex(
                name: "IX_alerts_Type_FiredAt_words",
                table: "alerts");
        }
    }
}
