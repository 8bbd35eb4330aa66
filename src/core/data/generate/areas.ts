/**
 * The cities the generator places customers in: `customers.area` holds these names, exactly
 * as the public Blinkit export holds city names. Each carries its state and zone, so the
 * area → zone mapping can be checked against this list, and the generator can plant
 * zone-level effects (a late South zone, a sales drop in the West).
 *
 * Zones follow the states: North = Delhi NCR, Punjab, Haryana, Chandigarh, Uttar Pradesh,
 * Uttarakhand, Rajasthan; West = Maharashtra, Gujarat, Goa; South = Karnataka, Tamil Nadu,
 * Kerala, Telangana, Andhra Pradesh; East = West Bengal, Odisha, Bihar, Jharkhand;
 * Central = Madhya Pradesh, Chhattisgarh; North-East = Assam, Meghalaya, Manipur, Tripura.
 */
export type Zone = "North" | "South" | "East" | "West" | "Central" | "North-East";

export const ZONES: readonly Zone[] = ["North", "South", "East", "West", "Central", "North-East"];

export interface Area {
  /** City name as written in `customers.area`. */
  name: string;
  state: string;
  zone: Zone;
  /** Relative share of orders; metros dominate as they do for quick commerce. */
  weight: number;
  /** Inclusive range of the city's real PIN codes the generator draws from. */
  pincodes: readonly [number, number];
  /** Well-known neighbourhoods used in street addresses (generic names when empty). */
  localities: readonly string[];
}

const area = (
  name: string,
  state: string,
  zone: Zone,
  weight: number,
  pincodes: readonly [number, number],
  localities: readonly string[] = [],
): Area => ({ name, state, zone, weight, pincodes, localities });

export const AREAS: readonly Area[] = [
  // North
  area(
    "Delhi",
    "Delhi",
    "North",
    14,
    [110001, 110097],
    ["Lajpat Nagar", "Dwarka", "Rohini", "Saket", "Karol Bagh", "Mayur Vihar", "Janakpuri"],
  ),
  area(
    "Gurugram",
    "Haryana",
    "North",
    5,
    [122001, 122018],
    ["DLF Phase 3", "Sector 56", "Sohna Road", "Golf Course Road"],
  ),
  area(
    "Noida",
    "Uttar Pradesh",
    "North",
    4,
    [201301, 201310],
    ["Sector 62", "Sector 18", "Sector 137", "Sector 50"],
  ),
  area(
    "Ghaziabad",
    "Uttar Pradesh",
    "North",
    2.5,
    [201001, 201017],
    ["Indirapuram", "Vaishali", "Raj Nagar Extension"],
  ),
  area("Faridabad", "Haryana", "North", 2, [121001, 121012], ["Sector 21", "NIT", "Greenfield Colony"]),
  area("Chandigarh", "Chandigarh", "North", 2, [160001, 160036], ["Sector 17", "Sector 35", "Manimajra"]),
  area("Lucknow", "Uttar Pradesh", "North", 3, [226001, 226031], ["Gomti Nagar", "Hazratganj", "Aliganj"]),
  area("Kanpur", "Uttar Pradesh", "North", 1.2, [208001, 208027]),
  area(
    "Jaipur",
    "Rajasthan",
    "North",
    3,
    [302001, 302039],
    ["Malviya Nagar", "Vaishali Nagar", "Mansarovar"],
  ),
  area("Jodhpur", "Rajasthan", "North", 0.6, [342001, 342015]),
  area("Ludhiana", "Punjab", "North", 1.2, [141001, 141016]),
  area("Amritsar", "Punjab", "North", 0.7, [143001, 143022]),
  area("Dehradun", "Uttarakhand", "North", 1, [248001, 248016]),
  area("Agra", "Uttar Pradesh", "North", 0.8, [282001, 282010]),
  area("Varanasi", "Uttar Pradesh", "North", 0.8, [221001, 221011]),
  area("Meerut", "Uttar Pradesh", "North", 0.7, [250001, 250005]),
  // West
  area(
    "Mumbai",
    "Maharashtra",
    "West",
    12,
    [400001, 400104],
    ["Andheri West", "Powai", "Bandra West", "Goregaon East", "Malad West", "Chembur", "Dadar"],
  ),
  area(
    "Pune",
    "Maharashtra",
    "West",
    6,
    [411001, 411062],
    ["Kothrud", "Baner", "Viman Nagar", "Hinjewadi", "Wakad"],
  ),
  area("Thane", "Maharashtra", "West", 3, [400601, 400615], ["Ghodbunder Road", "Vartak Nagar", "Majiwada"]),
  area("Navi Mumbai", "Maharashtra", "West", 2.5, [400701, 400710], ["Vashi", "Kharghar", "Nerul"]),
  area("Nagpur", "Maharashtra", "West", 1.5, [440001, 440037]),
  area("Nashik", "Maharashtra", "West", 0.8, [422001, 422013]),
  area(
    "Ahmedabad",
    "Gujarat",
    "West",
    4.5,
    [380001, 380061],
    ["Satellite", "Navrangpura", "Bopal", "Prahlad Nagar"],
  ),
  area("Surat", "Gujarat", "West", 2, [395001, 395017], ["Adajan", "Vesu", "Piplod"]),
  area("Vadodara", "Gujarat", "West", 1.2, [390001, 390025]),
  area("Rajkot", "Gujarat", "West", 0.8, [360001, 360007]),
  area("Panaji", "Goa", "West", 0.5, [403001, 403006]),
  // South
  area(
    "Bengaluru",
    "Karnataka",
    "South",
    12,
    [560001, 560103],
    [
      "HSR Layout",
      "Koramangala",
      "Indiranagar",
      "Whitefield",
      "Jayanagar",
      "Electronic City",
      "Marathahalli",
    ],
  ),
  area(
    "Hyderabad",
    "Telangana",
    "South",
    7,
    [500001, 500098],
    ["Gachibowli", "Madhapur", "Kondapur", "Banjara Hills", "Kukatpally"],
  ),
  area(
    "Chennai",
    "Tamil Nadu",
    "South",
    6,
    [600001, 600119],
    ["Anna Nagar", "Velachery", "T. Nagar", "Adyar", "OMR"],
  ),
  area("Kochi", "Kerala", "South", 1.5, [682001, 682039], ["Kakkanad", "Edappally", "Vyttila"]),
  area("Coimbatore", "Tamil Nadu", "South", 1.2, [641001, 641048]),
  area("Thiruvananthapuram", "Kerala", "South", 0.9, [695001, 695043]),
  area("Visakhapatnam", "Andhra Pradesh", "South", 1, [530001, 530053]),
  area("Vijayawada", "Andhra Pradesh", "South", 0.7, [520001, 520015]),
  area("Mysuru", "Karnataka", "South", 0.8, [570001, 570033]),
  area("Mangaluru", "Karnataka", "South", 0.6, [575001, 575030]),
  area("Madurai", "Tamil Nadu", "South", 0.6, [625001, 625022]),
  // East
  area(
    "Kolkata",
    "West Bengal",
    "East",
    7,
    [700001, 700160],
    ["Salt Lake", "New Town", "Ballygunge", "Behala", "Park Street"],
  ),
  area("Siliguri", "West Bengal", "East", 0.5, [734001, 734015]),
  area("Bhubaneswar", "Odisha", "East", 1.2, [751001, 751031]),
  area("Cuttack", "Odisha", "East", 0.4, [753001, 753015]),
  area("Patna", "Bihar", "East", 1.5, [800001, 800030]),
  area("Ranchi", "Jharkhand", "East", 0.8, [834001, 834012]),
  area("Jamshedpur", "Jharkhand", "East", 0.5, [831001, 831019]),
  // Central
  area("Indore", "Madhya Pradesh", "Central", 2, [452001, 452020], ["Vijay Nagar", "Palasia", "Rau"]),
  area(
    "Bhopal",
    "Madhya Pradesh",
    "Central",
    1.5,
    [462001, 462047],
    ["Arera Colony", "MP Nagar", "Kolar Road"],
  ),
  area("Gwalior", "Madhya Pradesh", "Central", 0.5, [474001, 474012]),
  area("Jabalpur", "Madhya Pradesh", "Central", 0.5, [482001, 482011]),
  area("Raipur", "Chhattisgarh", "Central", 0.8, [492001, 492015]),
  // North-East
  area("Guwahati", "Assam", "North-East", 1.5, [781001, 781040], ["Dispur", "Beltola", "Zoo Road"]),
  area("Shillong", "Meghalaya", "North-East", 0.4, [793001, 793022]),
  area("Imphal", "Manipur", "North-East", 0.3, [795001, 795010]),
  area("Agartala", "Tripura", "North-East", 0.3, [799001, 799015]),
];

/** Neighbourhood names common to most Indian cities, for cities without a locality list. */
export const GENERIC_LOCALITIES: readonly string[] = [
  "Civil Lines",
  "Model Town",
  "Gandhi Nagar",
  "Shastri Nagar",
  "Rajendra Nagar",
  "Station Road",
  "Nehru Colony",
  "Sadar Bazaar",
  "Old City",
  "Housing Board Colony",
];
