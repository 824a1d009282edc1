using Kitt.Dashboard.Alerts;

﻿using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kitt.Dashboard.Data.Migrations
{
    /// <inheritdoc />
    public partial class Alerts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "alert_readers",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    ClearedUpTo = table.Column<long>(type: "INTEGER", nullable: true),
                    ReadUpTo = table.Column<long>(type: "INTEGER", nullable: true),
                    MuteInfoAndWarning = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_alert_readers", x => x.UserId);
                });

            migrationBuilder.CreateTable(
                name: "alert_reads",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    AlertId = table.Column<long>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_alert_reads", x => new { x.UserId, x.AlertId });
                });

            migrationBuilder.CreateTable(
                name: "alerts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Key = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Severity = table.Column<int>(type: "INTEGER", nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Message = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Value = table.Column<double>(type: "REAL", nullable: true),
                    Threshold = table.Column<double>(type: "REAL", nullable: true),
                    FiredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ResolvedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_alerts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "threshold_changes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CpuPercent = table.Column<double>(type: "REAL", nullable: false),
                    MemoryPercent = table.Column<double>(type: "REAL", nullable: false),
                    ErrorRatePercent = table.Column<double>(type: "REAL", nullable: false),
                    ChangedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_threshold_changes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "alert_changes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AlertId = table.Column<long>(type: "INTEGER", nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Value = table.Column<double>(type: "REAL", nullable: true),
                    Message = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_alert_changes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_alert_changes_alerts_AlertId",
                        column: x => x.AlertId,
                        principalTable: "alerts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_alert_changes_AlertId",
                table: "alert_changes",
                column: "AlertId");

            migrationBuilder.CreateIndex(
                name: "IX_alerts_FiredAt",
                table: "alerts",
                column: "FiredAt");

            migrationBuilder.CreateIndex(
                name: "IX_alerts_Severity_FiredAt",
                table: "alerts",
                columns: new[] { "Severity", "FiredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_alerts_Source_FiredAt",
                table: "alerts",
                columns: new[] { "Source", "FiredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_alerts_State_FiredAt",
                table: "alerts",
                columns: new[] { "State", "FiredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_alerts_Type_FiredAt",
                table: "alerts",
                columns: new[] { "Type", "FiredAt" });

            // Text search over title, message and source: an external-content FTS5 index kept in step by triggers,
            // so a search reads the index instead of scanning every alert.
            migrationBuilder.Sql(FullTextOverColumns);
        }

        // The index as this migration made it; AlertSearchText replaces it with one over the alerts' words.
        internal const string FullTextOverColumns = """
            CREATE VIRTUAL TABLE alerts_fts USING fts5(Title, Message, Source, content='alerts', content_rowid='Id');
            CREATE TRIGGER alerts_fts_insert AFTER INSERT ON alerts BEGIN
                INSERT INTO alerts_fts(rowid, Title, Message, Source) VALUES (new.Id, new.Title, new.Message, new.Source);
            END;
            CREATE TRIGGER alerts_fts_delete AFTER DELETE ON alerts BEGIN
                INSERT INTO alerts_fts(alerts_fts, rowid, Title, Message, Source) VALUES ('delete', old.Id, old.Title, old.Message, old.Source);
            END;
            CREATE TRIGGER alerts_fts_update AFTER UPDATE OF Title, Message, Source ON alerts BEGIN
                INSERT INTO alerts_fts(alerts_fts, rowid, Title, Message, Source) VALUES ('delete', old.Id, old.Title, old.Message, old.Source);
                INSERT INTO alerts_fts(rowid, Title, Message, Source) VALUES (new.Id, new.Title, new.Message, new.Source);
            END;
            """;

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(AlertsFullText.Drop);
            migrationBuilder.DropTable(
                name: "alert_changes");

            migrationBuilder.DropTable(
                name: "alert_readers");

            migrationBuilder.DropTable(
                name: "alert_reads");

            migrationBuilder.DropTable(
                name: "threshold_changes");

            migrationBuilder.DropTable(
                name: "alerts");
        }
    }
}
