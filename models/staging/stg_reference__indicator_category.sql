select level1, level2, level1_en, level2_en, sort_order
from {{ ref('ref_indicator_category') }}
