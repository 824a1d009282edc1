using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kitt.Dashboard.Data.Migrations
{
    /// <inheritdoc />
    public partial class QuotedIndexFilters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_shipments_CreatedBy_ExternalId",
                table: "shipments");

            migrationBuilder.DropIndex(
                name: "IX_outbox_events_waiting",
                table: "outbox_events");

            migrationBuilder.CreateIndex(
                name: "IX_shipments_CreatedBy_ExternalId",
                table: "shipments",
                columns: new[] { "CreatedBy", "ExternalId" },
                unique: true,
                filter: "\"ExternalId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_outbox_events_waiting",
                table: "outbox_events",
                column: "Id",
                filter: "\"SentAt\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_shipments_CreatedBy_ExternalId",
                table: "shipments");

            migrationBuilder.DropIndex(
                name: "IX_outbox_events_waiting",
                table: "outbox_events");

            migrationBuilder.CreateIndex(
                name: "IX_shipments_CreatedBy_ExternalId",
                table: "shipments",
                columns: new[] { "CreatedBy", "ExternalId" },
                unique: true,
                filter: "ExternalId IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_outbox_events_waiting",
                table: "outbox_events",
                column: "Id",
                filter: "SentAt IS NULL");
        }
    }
}
