import { type Area, GENERIC_LOCALITIES, type Zone } from "./areas.ts";
import type { Rng } from "./rng.ts";

/** Personal details of a synthetic customer: names common in the customer's region, fake contacts. */
const FIRST_NAMES: readonly string[] = [
  "Aarav",
  "Aditi",
  "Akash",
  "Ananya",
  "Arjun",
  "Deepika",
  "Divya",
  "Farhan",
  "Gaurav",
  "Isha",
  "Kabir",
  "Kavya",
  "Lakshmi",
  "Manish",
  "Meera",
  "Mohit",
  "Neha",
  "Nikhil",
  "Pooja",
  "Priya",
  "Rahul",
  "Riya",
  "Rohan",
  "Sahil",
  "Sana",
  "Shreya",
  "Siddharth",
  "Sneha",
  "Tanvi",
  "Varun",
  "Vikram",
  "Zoya",
  "Aditya",
  "Kiran",
  "Suresh",
  "Anjali",
  "Harsh",
  "Nisha",
  "Imran",
  "Fatima",
  "Rajesh",
  "Sunita",
  "Amit",
  "Swati",
];

const SURNAMES: Readonly<Record<Zone, readonly string[]>> = {
  North: [
    "Sharma",
    "Verma",
    "Gupta",
    "Singh",
    "Malhotra",
    "Kapoor",
    "Chauhan",
    "Yadav",
    "Khan",
    "Arora",
    "Bansal",
  ],
  West: [
    "Patil",
    "Deshmukh",
    "Shah",
    "Patel",
    "Joshi",
    "Kulkarni",
    "Mehta",
    "Desai",
    "Shaikh",
    "Pawar",
    "Naik",
  ],
  South: [
    "Reddy",
    "Iyer",
    "Nair",
    "Rao",
    "Menon",
    "Krishnan",
    "Naidu",
    "Pillai",
    "Gowda",
    "Hegde",
    "Subramanian",
  ],
  East: [
    "Banerjee",
    "Chatterjee",
    "Das",
    "Mukherjee",
    "Sen",
    "Ghosh",
    "Mohanty",
    "Mishra",
    "Jha",
    "Sinha",
    "Paul",
  ],
  Central: [
    "Tiwari",
    "Dubey",
    "Pandey",
    "Choudhary",
    "Jain",
    "Saxena",
    "Thakur",
    "Shukla",
    "Agrawal",
    "Soni",
  ],
  "North-East": [
    "Bora",
    "Baruah",
    "Gogoi",
    "Saikia",
    "Sangma",
    "Singha",
    "Debbarma",
    "Kalita",
    "Marak",
    "Lyngdoh",
  ],
};

const BUILDINGS: readonly string[] = [
  "Sunshine Residency",
  "Shanti Kunj",
  "Lake View Towers",
  "Sai Krupa Apartments",
  "Gokul Dham Society",
  "Green Meadows",
  "Royal Enclave",
  "Silver Oak Heights",
  "Ganga Vihar",
  "Palm Grove Apartments",
  "Krishna Niwas",
  "Prestige Park",
  "Ashirwad Complex",
  "Orchid Towers",
  "Vrindavan Society",
];

const ROADS: readonly string[] = [
  "MG Road",
  "Main Road",
  "2nd Cross",
  "4th Main",
  "Station Road",
  "Ring Road",
  "Temple Street",
  "Market Road",
  "Link Road",
  "Church Street",
  "100 Feet Road",
  "College Road",
];

const LANDMARKS: readonly string[] = [
  "Near City Hospital",
  "Opp. Metro Station",
  "Behind Reliance Fresh",
  "Near Bus Depot",
  "Opp. SBI Bank",
  "Near Hanuman Mandir",
  "Behind Post Office",
  "Near Government School",
];

interface Person {
  name: string;
  email: string;
  phone: string;
  address: string;
  pincode: string;
}

export function makePerson(rng: Rng, area: Area, customerNumber: number): Person {
  const first = rng.pick(FIRST_NAMES);
  const last = rng.pick(SURNAMES[area.zone]);
  const pincode = String(rng.int(area.pincodes[0], area.pincodes[1]));
  return {
    name: `${first} ${last}`,
    email:
      `${first}.${last}${customerNumber % 1000}@${rng.pick(["example.com", "example.in", "example.org"])}`.toLowerCase(),
    phone: `+91${rng.int(6, 9)}${String(rng.int(0, 999_999_999)).padStart(9, "0")}`,
    address: makeAddress(rng, area, pincode),
    pincode,
  };
}

/** Real exports mix address styles; some span two lines inside one quoted CSV field. */
function makeAddress(rng: Rng, area: Area, pincode: string): string {
  const locality = rng.pick(area.localities.length > 0 ? area.localities : GENERIC_LOCALITIES);
  const flat = `${rng.pick(["Flat", "H.No.", "House No.", "#"])} ${rng.int(1, 40)}${rng.chance(0.4) ? rng.pick(["A", "B", "C", "/2", "/7"]) : ""}`;
  const street = rng.chance(0.5) ? rng.pick(BUILDINGS) : rng.pick(ROADS);
  const landmark = rng.chance(0.3) ? `, ${rng.pick(LANDMARKS)}` : "";
  const firstLine = `${flat}, ${street}${landmark}, ${locality}`;
  const cityLine = `${area.name} - ${pincode}`;
  return rng.chance(0.08) ? `${firstLine}\n${cityLine}` : `${firstLine}, ${cityLine}`;
}
