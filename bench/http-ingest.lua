-- wrk script: POSTs 5 KB aggregate submissions, each with a new SubmissionId,
-- spread over organisations and quarters. Set PROFKPI_KEY to an admin key.
--   wrk -t2 -c32 -d20s -s bench/http-ingest.lua http://127.0.0.1:8080/api/v1/submissions
local codes = {"E06000001","E06000002","E06000003","E06000004","E06000005","E07000008","E08000003",
               "E08000025","E09000001","E09000033","E10000003","W06000001","W06000002","W06000015"}
local periods = {"2008-09-Q1","2008-09-Q2","2008-09-Q3","2008-09-Q4","2009-10-Q1","2009-10-Q2"}
local padding = string.rep("Figures checked against the HR system export and the ICT establishment list. ", 25)
local counter = 0
local key = os.getenv("PROFKPI_KEY") or ""
-- PROFKPI_RESEND_EVERY=N: every Nth request sends the previous body again (an
-- identical resend, answered 200), as clients retrying after a lost answer do.
local resend_every = tonumber(os.getenv("PROFKPI_RESEND_EVERY") or "0")
local last_body = nil

-- thread_id is a global of each thread's Lua state, set here (a local would be
-- captured as 0 by request()); numbered, not random, because every state starts
-- math.random from the same seed: equal ids from two threads would be resends.
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("thread_id", threads)
end

function request()
  counter = counter + 1
  if resend_every > 0 and last_body ~= nil and counter % resend_every == 0 then
    return wrk.format("POST", nil, {["Content-Type"] = "application/xml", ["Authorization"] = "Bearer " .. key}, last_body)
  end
  local id = string.format("%08x-%04x-4%03x-8000-%012x", os.time() % 0xffffffff, thread_id, counter % 0xfff, counter)
  local code = codes[(counter % #codes) + 1]
  local period = periods[(math.floor(counter / #codes) % #periods) + 1]
  local body = [[<?xml version="1.0" encoding="UTF-8"?>
<Submission xmlns="urn:profkpi:submission:1" schemaVersion="1.0">
  <Header>
    <SubmissionId>]] .. id .. [[</SubmissionId>
    <Organisation code="]] .. code .. [[">Benchmark Council</Organisation>
    <Period>]] .. period .. [[</Period>
    <PreparedAt>2010-06-01T09:00:00+01:00</PreparedAt>
    <PreparedBy>Benchmark</PreparedBy>
    <SourceSystem name="wrk" version="4"/>
  </Header>
  <Aggregate>
    <ItHeadcount>41</ItHeadcount><ItFte>38.5</ItFte><RolesTotal>30</RolesTotal><RolesMapped>24</RolesMapped>
    <StaffAssessed>30</StaffAssessed><StaffWithPdp>35</StaffWithPdp><StaffRecognised>11</StaffRecognised>
    <CpdDays>48.5</CpdDays>
  </Aggregate>
  <Explanations>
    <Explanation code="PQ101" kpi="K2">]] .. padding .. [[</Explanation>
    <Explanation code="PQ104">]] .. padding .. [[</Explanation>
  </Explanations>
</Submission>
]]
  last_body = body
  return wrk.format("POST", nil, {["Content-Type"] = "application/xml", ["Authorization"] = "Bearer " .. key}, body)
end

