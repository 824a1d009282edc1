using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kitt.Dashboard.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class TimeIndexCarriesWords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_alerts_FiredAt",
                table: "alerts");

            migrationBuilder.RenameIndex(
                name: "IX_alerts_FiredAt_words",
                table: "alerts",
                newName: "IX_alerts_FiredAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameIndex(
                name: "IX_alerts_FiredAt",
                table: "alerts",
                newName: "IX_alerts_FiredAt_words");

            migrationBuilder.CreateIndex(
                name: "IX_alerts_FiredAt",
                table: "alerts",
                column: "FiredAt");
        }
    }
}
