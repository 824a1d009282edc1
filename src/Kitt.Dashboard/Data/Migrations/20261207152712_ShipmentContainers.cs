using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kitt.Dashboard.Data.Migrations
{
    /// <inheritdoc />
    public partial class ShipmentContainers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ContainersJson",
                table: "packing_plans",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.CreateTable(
                name: "shipment_containers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ShipmentId = table.Column<long>(type: "INTEGER", nullable: false),
                    Line = table.Column<int>(type: "INTEGER", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Length = table.Column<double>(type: "REAL", nullable: false),
                    Width = table.Column<double>(type: "REAL", nullable: false),
                    Height = table.Column<double>(type: "REAL", nullable: false),
                    MaxPayloadKg = table.Column<double>(type: "REAL", nullable: true),
                    Count = table.Column<int>(type: "INTEGER", nullable: true),
                    BalanceLengthwisePercent = table.Column<double>(type: "REAL", nullable: true),
                    BalanceSidewaysPercent = table.Column<double>(type: "REAL", nullable: true),
                    AxlesJson = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_shipment_containers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_shipment_containers_shipments_ShipmentId",
                        column: x => x.ShipmentId,
                        principalTable: "shipments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_shipment_containers_ShipmentId_Line",
                table: "shipment_containers",
                columns: new[] { "ShipmentId", "Line" },
                unique: true);

            // Every shipment stored so far had one container: it becomes the shipment's only kind, one of it.
            migrationBuilder.Sql(
                "INSERT INTO shipment_containers (\"ShipmentId\", \"Line\", \"Type\", \"Length\", \"Width\", \"Height\", \"MaxPayloadKg\", \"Count\", \"AxlesJson\") " +
                "SELECT \"Id\", 0, \"ContainerType\", \"ContainerLength\", \"ContainerWidth\", \"ContainerHeight\", \"ContainerMaxPayloadKg\", 1, '[]' FROM shipments");

            migrationBuilder.DropColumn(
                name: "ContainerHeight",
                table: "shipments");

            migrationBuilder.DropColumn(
                name: "ContainerLength",
                table: "shipments");

            migrationBuilder.DropColumn(
                name: "ContainerMaxPayloadKg",
                table: "shipments");

            migrationBuilder.DropColumn(
                name: "ContainerType",
                table: "shipments");

            migrationBuilder.DropColumn(
                name: "ContainerWidth",
                table: "shipments");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ContainersJson",
                table: "packing_plans");

            migrationBuilder.AddColumn<double>(
                name: "ContainerHeight",
                table: "shipments",
                type: "REAL",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<double>(
                name: "ContainerLength",
                table: "shipments",
                type: "REAL",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<double>(
                name: "ContainerMaxPayloadKg",
                table: "shipments",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ContainerType",
                table: "shipments",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "ContainerWidth",
                table: "shipments",
                type: "REAL",
                nullable: false,
                defaultValue: 0.0);

            // Back to one container per shipment: the first kind is the one kept.
            migrationBuilder.Sql("UPDATE shipments SET \"ContainerType\" = (SELECT c.\"Type\" FROM shipment_containers c WHERE c.\"ShipmentId\" = shipments.\"Id\" AND c.\"Line\" = 0), \"ContainerLength\" = (SELECT c.\"Length\" FROM shipment_containers c WHERE c.\"ShipmentId\" = shipments.\"Id\" AND c.\"Line\" = 0), \"ContainerWidth\" = (SELECT c.\"Width\" FROM shipment_containers c WHERE c.\"ShipmentId\" = shipments.\"Id\" AND c.\"Line\" = 0), \"ContainerHeight\" = (SELECT c.\"Height\" FROM shipment_containers c WHERE c.\"ShipmentId\" = shipments.\"Id\" AND c.\"Line\" = 0), \"ContainerMaxPayloadKg\" = (SELECT c.\"MaxPayloadKg\" FROM shipment_containers c WHERE c.\"ShipmentId\" = shipments.\"Id\" AND c.\"Line\" = 0) WHERE EXISTS (SELECT 1 FROM shipment_containers c WHERE c.\"ShipmentId\" = shipments.\"Id\")");

            migrationBuilder.DropTable(
                name: "shipment_containers");
        }
    }
}
