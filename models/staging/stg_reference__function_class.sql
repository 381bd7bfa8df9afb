select class_code, class_name, name_aliases
from {{ ref('ref_function_class') }}
