using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kitt.Dashboard.Data.Migrations
{
    /// <inheritdoc />
    public partial class RulesReceiversFloorOnly : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "FloorOnly",
                table: "shipment_items",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "FloorOnly",
                table: "item_library",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Labels",
                table: "alerts",
                type: "TEXT",
                maxLength: 8000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "alert_receivers",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    To = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    SendResolved = table.Column<bool>(type: "INTEGER", nullable: false),
                    SmtpHost = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    SmtpPort = table.Column<int>(type: "INTEGER", nullable: false),
                    SmtpSecurity = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SmtpUser = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    SmtpFrom = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Protected = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_alert_receivers", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "alert_routes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Receiver = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Match = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    GroupBy = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    GroupWait = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    GroupInterval = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    RepeatInterval = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Continue = table.Column<bool>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_alert_routes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "alert_rule_changes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RuleId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Rule = table.Column<string>(type: "TEXT", nullable: true),
                    ChangedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_alert_rule_changes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "alert_rules",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Scope = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Match = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Signal = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Operator = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Threshold = table.Column<double>(type: "REAL", nullable: false),
                    ForSeconds = table.Column<double>(type: "REAL", nullable: false),
                    WindowSeconds = table.Column<double>(type: "REAL", nullable: true),
                    ResolveMargin = table.Column<double>(type: "REAL", nullable: false),
                    Severity = table.Column<int>(type: "INTEGER", nullable: false),
                    Labels = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    Enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    Deleted = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_alert_rules", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_alert_routes_Position",
                table: "alert_routes",
                column: "Position");

            migrationBuilder.CreateIndex(
                name: "IX_alert_rule_changes_RuleId_Id",
                table: "alert_rule_changes",
                columns: new[] { "RuleId", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "alert_receivers");

            migrationBuilder.DropTable(
                name: "alert_routes");

            migrationBuilder.DropTable(
                name: "alert_rule_changes");

            migrationBuilder.DropTable(
                name: "alert_rules");

            migrationBuilder.DropColumn(
                name: "FloorOnly",
                table: "shipment_items");

            migrationBuilder.DropColumn(
                name: "FloorOnly",
                table: "item_library");

            migrationBuilder.DropColumn(
                name: "Labels",
                table: "alerts");
        }
    }
}
