using Kitt.Dashboard.Alerts;

﻿using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kitt.Dashboard.Data.Migrations
{
    /// <inheritdoc />
    public partial class AlertSearchText : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SearchText",
                table: "alerts",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            // The index moves from the three columns to the words. Alerts stored before this are indexed with no words
            // (FTS5 can only take a row out that it holds), and get their words at start-up (AlertsFullText.IndexOlderAlertsAsync).
            migrationBuilder.Sql(AlertsFullText.Drop);
            migrationBuilder.Sql(AlertsFullText.Create);
            migrationBuilder.Sql(AlertsFullText.Rebuild);
            migrationBuilder.Sql(AlertsFullText.CreateWords);
            migrationBuilder.Sql($"CREATE TABLE {AlertsFullText.PendingMarker} (Since INTEGER);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(AlertsFullText.Drop);
            migrationBuilder.Sql($"DROP TABLE IF EXISTS {AlertsFullText.PendingMarker};");
            migrationBuilder.Sql(AlertsFullText.DropWords);
            migrationBuilder.DropColumn(
                name: "SearchText",
                table: "alerts");
            migrationBuilder.Sql(Alerts.FullTextOverColumns);
            migrationBuilder.Sql(AlertsFullText.Rebuild);
        }
    }
}
