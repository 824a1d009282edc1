using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kitt.Dashboard.Data.Migrations
{
    /// <inheritdoc />
    public partial class AlertSilencesAndAcks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AckComment",
                table: "alerts",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "AckedAt",
                table: "alerts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AckedBy",
                table: "alerts",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "InhibitedBy",
                table: "alerts",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "SilencedBy",
                table: "alerts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "alert_silences",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Matchers = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    StartsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EndsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_alert_silences", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_alert_silences_EndsAt",
                table: "alert_silences",
                column: "EndsAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "alert_silences");

            migrationBuilder.DropColumn(
                name: "AckComment",
                table: "alerts");

            migrationBuilder.DropColumn(
                name: "AckedAt",
                table: "alerts");

            migrationBuilder.DropColumn(
                name: "AckedBy",
                table: "alerts");

            migrationBuilder.DropColumn(
                name: "InhibitedBy",
                table: "alerts");

            migrationBuilder.DropColumn(
                name: "SilencedBy",
                table: "alerts");
        }
    }
}
