"""Section roles: moved to pipeline/text/roles.py (one table for enrich and the drafter)."""

from pipeline.text.roles import BACKGROUND as BACKGROUND
from pipeline.text.roles import CASE as CASE
from pipeline.text.roles import CONCLUSIONS as CONCLUSIONS
from pipeline.text.roles import METHODS as METHODS
from pipeline.text.roles import OTHER as OTHER
from pipeline.text.roles import RESULTS as RESULTS
from pipeline.text.roles import SKIP as SKIP
from pipeline.text.roles import TITLE as TITLE
from pipeline.text.roles import UNLABELLED as UNLABELLED
from pipeline.text.roles import section_role as section_role
