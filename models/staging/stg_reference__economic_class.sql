select econ_class_code, econ_class_name, cost_category
from {{ ref('ref_economic_class') }}
