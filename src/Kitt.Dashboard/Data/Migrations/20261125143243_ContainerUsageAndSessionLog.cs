using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kitt.Dashboard.Data.Migrations
{
    /// <inheritdoc />
    public partial class ContainerUsageAndSessionLog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "container_usage_minutes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ContainerId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Minute = table.Column<long>(type: "INTEGER", nullable: false),
                    Samples = table.Column<int>(type: "INTEGER", nullable: false),
                    CpuPercentAvg = table.Column<double>(type: "REAL", nullable: false),
                    CpuPercentMax = table.Column<double>(type: "REAL", nullable: false),
                    MemoryBytesAvg = table.Column<long>(type: "INTEGER", nullable: false),
                    MemoryBytesMax = table.Column<long>(type: "INTEGER", nullable: false),
                    MemoryLimitBytes = table.Column<long>(type: "INTEGER", nullable: false),
                    NetRxBytesPerSecond = table.Column<double>(type: "REAL", nullable: false),
                    NetTxBytesPerSecond = table.Column<double>(type: "REAL", nullable: false),
                    NetRxBytes = table.Column<long>(type: "INTEGER", nullable: false),
                    NetTxBytes = table.Column<long>(type: "INTEGER", nullable: false),
                    BlockReadBytes = table.Column<long>(type: "INTEGER", nullable: false),
                    BlockWriteBytes = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_container_usage_minutes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "session_events",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SessionId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Change = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    User = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Page = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    OpenSessions = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_session_events", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_container_usage_minutes_ContainerId_Minute",
                table: "container_usage_minutes",
                columns: new[] { "ContainerId", "Minute" });

            migrationBuilder.CreateIndex(
                name: "IX_container_usage_minutes_Minute",
                table: "container_usage_minutes",
                column: "Minute");

            migrationBuilder.CreateIndex(
                name: "IX_session_events_At",
                table: "session_events",
                column: "At");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "container_usage_minutes");

            migrationBuilder.DropTable(
                name: "session_events");
        }
    }
}
