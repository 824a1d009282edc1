using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Kitt.Dashboard.Data.Postgres.Migrations
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
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "AckedAt",
                table: "alerts",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AckedBy",
                table: "alerts",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "InhibitedBy",
                table: "alerts",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "SilencedBy",
                table: "alerts",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "alert_silences",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Matchers = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    StartsAt = table.Column<long>(type: "bigint", nullable: false),
                    EndsAt = table.Column<long>(type: "bigint", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Comment = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    UpdatedAt = table.Column<long>(type: "bigint", nullable: false)
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
