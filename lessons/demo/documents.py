"""Documents the demo lessons offer for download (created once, found by title)."""

RECORDS_REQUEST_LOG = (
    "\r\n".join(
        [
            "Request ID,Record source,Subject,Date requested,Method,Release or order,"
            "Follow-up due,Follow-ups sent,Status,Pages received,Notes",
            "R-001,Ardent County Schools (fictional),Client,2025-01-06,Mail,"
            "Signed release (client),2025-02-05,1,Received,212,"
            "Cumulative file and special-education referral; ask for testing protocols",
            "R-002,Ardent Regional Hospital (fictional),Client's mother,2025-01-08,"
            "Fax,Signed release (mother),2025-02-07,2,Pending,0,"
            "Records office asked for a new release form; resent 2025-02-10",
            "R-003,State Child Welfare Agency (fictional),Client,2025-01-13,"
            "Online portal,Court order (via counsel),2025-03-14,0,Denied in part,48,"
            "Investigative notes withheld; flagged for counsel 2025-02-20",
        ]
    )
    + "\r\n"
)

DOCUMENTS = {
    "records-request-log": {
        "title": "Records request log (template)",
        "filename": "records-request-log-template.csv",
        "content": RECORDS_REQUEST_LOG,
    },
}
