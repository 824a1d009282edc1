using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kitt.Dashboard.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class NotificationRefusals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_notifications_waiting",
                table: "notifications");

            migrationBuilder.AddColumn<long>(
                name: "RefusedAt",
                table: "notifications",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_notifications_waiting",
                table: "notifications",
                columns: new[] { "Receiver", "Id" },
                filter: "\"DeliveredAt\" IS NULL AND \"RefusedAt\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_notifications_waiting",
                table: "notifications");

            migrationBuilder.DropColumn(
                name: "RefusedAt",
                table: "notifications");

            migrationBuilder.CreateIndex(
                name: "IX_notifications_waiting",
                table: "notifications",
                columns: new[] { "Receiver", "Id" },
                filter: "\"DeliveredAt\" IS NULL");
        }
    }
}
